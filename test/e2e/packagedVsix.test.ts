import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT, useWorkbench } from './harness';

const VSIX = join(REPO_ROOT, 'dist', 'confluent-cloud-explorer.vsix');

// Runs before the workbench starts (hooks run in registration order): the session installs the VSIX.
execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

void describe('the packaged extension (VSIX)', () => {
  // Later files expect the development build in dist/, which packaging replaced.
  after(() => {
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  });
  const session = useWorkbench({ name: 'packaged vsix', vsix: VSIX });

  void it('installs offline, activates outside development mode and lists service accounts from the sandbox', async () => {
    assert.ok(statSync(VSIX).size < 400 * 1024, 'the VSIX stays under 400 KB');
    assert.doesNotMatch(await session.page.title(), /Extension Development Host/, 'a normal window, not development mode');
    const wb = session.workbench;
    await wb.openViewContainer('Confluent Cloud');
    await wb.expand('Sandbox Organization');
    // Expanding needs the lazily loaded HTTP stack (dist/undici.js) to be in the package.
    await wb.expand('Service accounts');
    await wb.treeRow('payments-service').waitFor({ state: 'visible', timeout: 30_000 });
  });
});
