import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES } from '../../sandbox/fixtures';
import { REPO_ROOT, useWorkbench } from './harness';
import { sandboxStatus } from './sandboxCalls';
import { until } from './until';

const ORG = FIXTURES.organization.displayName;

/** Every file below a folder (the workbench's user-data dir holds logs, state and backups). */
function filesBelow(dir: string): string[] {
  const out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = join(dir, name);
    let stats;
    try {
      stats = statSync(full);
    } catch {
      continue;
    }
    if (stats.isDirectory()) out.push(...filesBelow(full));
    else if (stats.isFile() && stats.size < 50_000_000) out.push(full);
  }
  return out;
}

void describe('API keys from the tree', () => {
  const session = useWorkbench({ name: 'commands api keys' });
  const secrets: string[] = [];
  let createdKey = '';

  /** The open modal dialog (web workbench). */
  const dialog = () => session.page.locator('.monaco-dialog-box');

  const sandboxGet = (path: string): Promise<number> => sandboxStatus(session.sandbox, path);

  /** Leaves no secret on the clipboard (best effort: the browser refuses while a webview has focus). */
  async function clearClipboard(): Promise<void> {
    await session.workbench.sideBarTitle().click().catch(() => undefined);
    await session.page.evaluate(() => navigator.clipboard.writeText('')).catch(() => undefined);
  }

  /** Reveals the secret in the open secret view and returns it. */
  async function revealSecret(): Promise<string> {
    const view = session.workbench.webview();
    await view.locator('#reveal').click();
    await view.locator('#reveal', { hasText: 'Hide' }).waitFor({ timeout: 10_000 });
    const secret = (await view.locator('#secret-value').innerText()).trim();
    assert.ok(secret.length >= 16 && !secret.includes('•'), 'the real secret is shown after Reveal');
    secrets.push(secret);
    return secret;
  }

  void it('right-click a service account → Create API Key → cluster → secret shown once, copied and inserted as .env', async () => {
    const wb = session.workbench;
    await wb.openViewContainer();
    await wb.expand(ORG);
    await wb.expand('Service accounts');
    await wb.contextMenu(FIXTURES.disposableServiceAccount.displayName, 'Create API Key…');

    // Owner preselected: the first step is the resource, with the Cloud key on top and clusters across environments.
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'Cloud API key (organization-wide)' }).waitFor({ timeout: 20_000 });
    await wb.pickQuickItem(FIXTURES.productionCluster.displayName);
    await wb.quickInput().locator('.quick-input-message', { hasText: /^Name of the key/ }).waitFor({ timeout: 20_000 });
    await wb.fillQuickInput('e2e orders consumer');
    await wb.quickInput().locator('.quick-input-message', { hasText: /^Description/ }).waitFor({ timeout: 20_000 });
    await wb.fillQuickInput('made by the end-to-end test');

    await wb.editorTab(/^API Key e2e orders consumer/).waitFor({ timeout: 30_000 });
    const view = wb.webview();
    await view.locator('h1', { hasText: 'API key “e2e orders consumer” created' }).waitFor({ timeout: 20_000 });
    assert.match(await view.locator('.warning').innerText(), /only time the secret is shown/);
    createdKey = (await view.locator('#api-key').innerText()).trim();
    assert.equal(await sandboxGet(`/iam/v2/api-keys/${createdKey}`), 200, 'the key exists');
    assert.match(await view.locator('#secret-value').innerText(), /^•+$/, 'masked until revealed');

    const secret = await revealSecret();
    await wb.screenshot(join(REPO_ROOT, 'media', 'screenshots', 'create-api-key.png'));

    await view.locator('#copy-secret').click();
    await view.locator('.status', { hasText: 'Secret copied' }).waitFor({ timeout: 10_000 });
    assert.equal(await wb.clipboardText(), secret);

    await view.locator('button[data-format="dotenv"]').click();
    const editor = session.page.locator('.part.editor .monaco-editor').last();
    const lines = editor.locator('.view-lines');
    await session.page.waitForFunction((el) => (el?.textContent ?? '').includes('CONFLUENT_API_SECRET'), await lines.elementHandle(), { timeout: 20_000 });
    const text = (await lines.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, new RegExp(`CONFLUENT_API_KEY=${createdKey}`));
    assert.ok(text.includes(`CONFLUENT_API_SECRET=${secret}`) || text.includes('CONFLUENT_API_SECRET="'), 'the secret line is there');
    assert.match(text, /BOOTSTRAP_SERVERS=[^\s]+:9092/);
    assert.doesNotMatch(text, /SASL_SSL:\/\//);

    // Throw the untitled editor away (no backup left behind), then close the secret view.
    await wb.runCommand('View: Revert and Close Editor');
    await clearClipboard();
    await wb.editorTab(/^API Key e2e orders consumer/).click();
    await wb.webview().locator('button', { hasText: 'Done, I have stored the secret' }).click();
    await wb.editorTab(/^API Key e2e orders consumer/).waitFor({ state: 'detached', timeout: 10_000 });
  });

  void it('rotates the key: new secret shown, old key deleted only after confirming', async () => {
    const wb = session.workbench;
    await wb.expand(FIXTURES.disposableServiceAccount.displayName);
    await wb.expand(/^API keys/);
    await wb.contextMenu(createdKey, 'Rotate API Key…');
    await dialog().waitFor({ timeout: 20_000 });
    assert.match(await dialog().innerText(), new RegExp(`Rotate API key ${createdKey}\\?`));
    await dialog().locator('.monaco-button', { hasText: 'Create New Key' }).click();

    await wb.editorTab(/rotated/).waitFor({ timeout: 30_000 });
    const view = wb.webview();
    await view.locator('#delete-old').waitFor({ timeout: 20_000 });
    await revealSecret();
    await view.locator('#copy-secret').click();
    assert.equal(await sandboxGet(`/iam/v2/api-keys/${createdKey}`), 200, 'the old key still works before confirmation');

    await view.locator('#delete-old').click();
    await dialog().waitFor({ timeout: 20_000 });
    assert.match(await dialog().innerText(), /Delete the old API key/);
    await dialog().locator('.monaco-button', { hasText: 'Delete Old Key' }).click();
    await wb.webview().locator('.rotation', { hasText: 'Rotation complete' }).waitFor({ timeout: 20_000 });
    assert.equal(await sandboxGet(`/iam/v2/api-keys/${createdKey}`), 404, 'the old key is gone');
    await wb.treeRow(createdKey).waitFor({ state: 'detached', timeout: 20_000 });
    await wb.webview().locator('button', { hasText: 'Done, I have stored the secret' }).click();
    await clearClipboard();
  });

  void it('from the palette, a rejected name reopens the form on that field with everything typed kept', async () => {
    const wb = session.workbench;
    await wb.runCommand('Confluent Cloud: Create Service Account…');
    const message = wb.quickInput().locator('.quick-input-message');
    await message.filter({ hasText: /^Service account name/ }).waitFor({ timeout: 20_000 });
    await wb.fillQuickInput(FIXTURES.paymentsServiceAccount.displayName);
    await message.filter({ hasText: /^Description/ }).waitFor({ timeout: 20_000 });
    await wb.fillQuickInput('kept across the retry');

    // 409 from the server: back on the name step, prefilled, with the server's reason there.
    await message.filter({ hasText: /already exists\. Choose another\./ }).waitFor({ timeout: 20_000 });
    const input = wb.quickInput().locator('input').first();
    assert.equal(await input.inputValue(), FIXTURES.paymentsServiceAccount.displayName);
    assert.match(await wb.quickInput().innerText(), /1\/2/, 'step numbers are shown');
    await wb.fillQuickInput('payments-service-v2');
    await message.filter({ hasText: /^Description/ }).waitFor({ timeout: 20_000 });
    assert.equal(await input.inputValue(), 'kept across the retry');
    await input.press('Enter');
    await wb.treeRow('Service accounts').locator('.label-description', { hasText: /^51 of/ }).waitFor({ timeout: 20_000 });
    const posts = ((await session.sandbox.requests()) as { method: string; path: string; status: number }[])
      .filter((r) => r.method === 'POST' && r.path === '/iam/v2/service-accounts');
    assert.deepEqual(posts.map((r) => r.status), [409, 201], 'one rejected POST, one resubmitted by the user');
  });

  void it('from the palette, the item picker pages with Load more and searches names on the server', async () => {
    const wb = session.workbench;
    const saLists = async (): Promise<{ query: Record<string, unknown> }[]> =>
      ((await session.sandbox.requests()) as { method: string; path: string; query: Record<string, unknown> }[])
        .filter((r) => r.method === 'GET' && r.path === '/iam/v2/service-accounts');
    await session.sandbox.clearRequests();
    const pages = async (): Promise<number> => (await saLists()).filter((r) => r.query.display_name === undefined).length;
    await wb.runCommand('Confluent Cloud: Edit Service Account…');
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'disposable-service' }).waitFor({ timeout: 20_000 });
    assert.equal(await pages(), 1, 'one request for the first page');
    // A filter nothing matches leaves only the Load more row (always shown) on screen.
    await wb.fillQuickInput('zz-no-such-account', { submit: false });
    await wb.pickQuickItem(/Load more…/);
    await wb.quickInput().locator('.monaco-list-row', { hasText: /100 loaded/ }).waitFor({ timeout: 20_000 });
    assert.equal(await pages(), 2, 'one request per Load more');

    await wb.fillQuickInput('Payments-Service', { submit: false });
    await until(async () => (await saLists()).some((r) => r.query.display_name === 'Payments-Service'), 'a server-side name lookup');
    await wb.pickQuickItem(/Not the payments-service fixture/);
    const input = wb.quickInput().locator('input').first();
    await wb.quickInput().locator('.quick-input-message', { hasText: /^Service account name/ }).waitFor({ timeout: 20_000 });
    assert.equal(await input.inputValue(), 'Payments-Service', 'the current name is prefilled');
    assert.match(await wb.quickInput().innerText(), /2\/3/);
    await input.press('Escape');
  });

  void it('deleting a service account with keys shows the keys first and asks for the name', async () => {
    const wb = session.workbench;
    const sa = FIXTURES.paymentsServiceAccount;
    await wb.contextMenu(sa.displayName, 'Delete Service Account…');
    await dialog().waitFor({ timeout: 30_000 });
    const preview = await dialog().innerText();
    assert.match(preview, /Delete the service account 'payments-service'\?/);
    assert.match(preview, /3 API keys are deleted with it/);
    for (const id of sa.apiKeyIds) assert.ok(preview.includes(id), `${id} is listed`);
    await dialog().locator('.monaco-button', { hasText: 'Continue…' }).click();

    await wb.quickInput().locator('.quick-input-message', { hasText: /Type 'payments-service' to delete it/ }).waitFor({ timeout: 20_000 });
    await wb.fillQuickInput('payments');
    await wb.quickInput().getByText('The text does not match the name.').waitFor({ timeout: 10_000 });
    await wb.fillQuickInput(sa.displayName);
    await wb.treeRow(sa.displayName).waitFor({ state: 'detached', timeout: 20_000 });
    assert.equal(await sandboxGet(`/iam/v2/service-accounts/${sa.id}`), 404);
  });

  void it('never wrote a secret to the host log, the output channel or the user-data dir', async () => {
    assert.equal(secrets.length, 2, 'two secrets were shown');
    const log = session.hostLog().join('\n');
    const userData = join(session.server.temp, 'user-data');
    const files = filesBelow(userData);
    assert.ok(files.some((f) => /Confluent Cloud\.log$/.test(f)), 'the output channel log file was searched');
    for (const secret of secrets) {
      assert.ok(!log.includes(secret), 'not in the host log');
      for (const file of files) assert.ok(!readFileSync(file).includes(secret), `not in ${file}`);
    }
  });
});
