import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FIXTURES, SEED_COUNTS } from '../../sandbox/fixtures';
import { REPO_ROOT, useWorkbench } from './harness';

const VSIX = join(REPO_ROOT, 'dist', 'confluent-cloud-explorer.vsix');

// The host inherits this process's environment: make sure no organization comes from it.
for (const name of Object.keys(process.env)) if (name.startsWith('CONFLUENT_CLOUD_')) delete process.env[name];

// Runs before the workbench starts (hooks run in registration order): the session installs the VSIX.
execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

/** Resolves with the error code of a TCP connect to 127.0.0.1:port ('connected' if it worked). */
function connectResult(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve('connected'); });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
  });
}

void describe('demo organization (packaged VSIX, no sandbox, no credentials)', () => {
  // Later files expect the development build in dist/, which packaging replaced.
  after(() => {
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  });
  const session = useWorkbench({ name: 'demo organization vsix', vsix: VSIX, signedOut: true });
  let demoPort = 0;

  void it('offers Try Demo Organization in the welcome view and shows the demo\'s service accounts', async () => {
    // The harness always starts a sandbox process; stop it so only the embedded one can answer.
    await session.sandbox.stop();
    assert.equal(await connectResult(session.sandbox.port), 'ECONNREFUSED', 'no sandbox process');
    const wb = session.workbench;
    await wb.openViewContainer();
    const welcome = wb.viewPane('Explorer');
    const tryDemo = welcome.locator('.monaco-button', { hasText: 'Try Demo Organization' });
    await tryDemo.waitFor({ timeout: 20_000 });
    assert.doesNotMatch(await welcome.innerText(), /npm run sandbox|SANDBOXKEY|sandbox-secret/, 'no developer instructions');
    await tryDemo.click();

    await wb.treeRow('Demo organization').waitFor({ state: 'visible', timeout: 30_000 });
    await wb.expand('Service accounts');
    await wb.treeRow(FIXTURES.paymentsServiceAccount.displayName).waitFor({ state: 'visible', timeout: 30_000 });

    // The port, as the user can read it: the row's tooltip.
    await wb.treeRow('Demo organization').hover();
    const hover = session.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: /127\.0\.0\.1:\d+/ }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    const text = await hover.innerText();
    assert.match(text, /not a Confluent Cloud organization/);
    demoPort = Number(/127\.0\.0\.1:(\d+)/.exec(text)?.[1]);
    assert.equal(await connectResult(demoPort), 'connected', 'the embedded server listens on that port');
    await session.page.keyboard.press('Escape');
  });

  void it('offers no Open in Confluent Cloud for the demo, but Reset and Remove', async () => {
    const wb = session.workbench;
    for (const row of ['Demo organization', FIXTURES.paymentsServiceAccount.displayName]) {
      await wb.treeRow(row).click({ button: 'right' });
      const menu = session.page.locator('.monaco-menu').first();
      await menu.locator('.action-label', { hasText: /Copy ID/ }).first().waitFor({ timeout: 20_000 });
      const labels = await menu.locator('.action-item .action-label').allInnerTexts();
      assert.ok(!labels.some((l) => /Open in Confluent Cloud/.test(l)), `${row}: ${labels.join(', ')}`);
      if (row === 'Demo organization') {
        assert.ok(labels.includes('Reset Demo Organization') && labels.includes('Remove Demo Organization'), labels.join(', '));
        assert.ok(!labels.some((l) => /^(Rename Organization|Update API Key|Remove Organization)/.test(l)), labels.join(', '));
      }
      await session.page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden', timeout: 10_000 });
    }
  });

  void it('Reset brings back the seed: a service account created in the demo is gone', async () => {
    const wb = session.workbench;
    const folder = wb.treeRow('Service accounts').locator('.label-description');
    const seeded = (await folder.innerText()).trim();
    await wb.runCommand('Confluent Cloud: Create Service Account…');
    const message = wb.quickInput().locator('.quick-input-message');
    await message.filter({ hasText: /^Service account name/ }).waitFor({ timeout: 20_000 });
    await wb.fillQuickInput('made-in-the-demo');
    await message.filter({ hasText: /^Description/ }).waitFor({ timeout: 20_000 });
    await wb.fillQuickInput('');
    // The new account joins the loaded folder (at its end, below the visible rows) and the total.
    const changed = Date.now() + 20_000;
    while ((await folder.innerText().catch(() => seeded)).trim() === seeded) {
      if (Date.now() > changed) assert.fail('the folder total did not change after the create');
      await wb.scrollToRow('Service accounts');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const withNew = (await folder.innerText()).trim();
    // One page of the default size (50) is loaded; the total comes from the server.
    const count = (loaded: number, total: number): string => `${loaded} of ${total.toLocaleString('en-US')}`;
    assert.deepEqual([seeded, withNew], [count(50, SEED_COUNTS.serviceAccounts), count(51, SEED_COUNTS.serviceAccounts + 1)]);

    await wb.contextMenu('Demo organization', 'Reset Demo Organization');
    // The folder reloads from the server: the seeded total again, so the account is gone there.
    // (Polled through the locator: the created account was revealed, so rows may have scrolled
    // and the folder's row element been reused for another row.)
    const deadline = Date.now() + 20_000;
    for (;;) {
      await wb.scrollToRow('Service accounts');
      if ((await folder.innerText().catch(() => '')).trim() === seeded) break;
      if (Date.now() > deadline) assert.fail(`the folder still reads "${(await folder.innerText()).trim()}" after Reset`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await wb.scrollToRow(FIXTURES.paymentsServiceAccount.displayName);
  });

  void it('Remove stops the embedded server: its port refuses connections', async () => {
    const wb = session.workbench;
    assert.ok(demoPort > 0, 'the first test read the port');
    await wb.contextMenu('Demo organization', 'Remove Demo Organization');
    await wb.treeRow('Demo organization').waitFor({ state: 'detached', timeout: 20_000 });
    await wb.viewPane('Explorer').locator('.monaco-button', { hasText: 'Try Demo Organization' }).waitFor({ timeout: 20_000 });
    let result = await connectResult(demoPort);
    for (let i = 0; i < 50 && result !== 'ECONNREFUSED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      result = await connectResult(demoPort);
    }
    assert.equal(result, 'ECONNREFUSED');
  });
});
