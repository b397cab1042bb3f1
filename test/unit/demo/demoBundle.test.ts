import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES } from '../../../sandbox/fixtures';

const REPO = join(__dirname, '..', '..', '..');

/**
 * Runs the real build script (scripts/build.mjs, development mode) with a scratch folder as its
 * working directory, so its dist/ lands there and the repository's dist/ is left alone. The
 * script's paths are relative to the working directory; the sources are linked in.
 */
function buildInto(root: string): void {
  for (const name of ['src', 'sandbox', 'media', 'node_modules', 'package.json', 'tsconfig.json']) {
    symlinkSync(join(REPO, name), join(root, name));
  }
  execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
}

void describe('demo organization: bundles', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'ccx-demo-bundle-'));
    buildInto(root);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  void it('builds the sandbox into its own file, dist/sandbox.js, with the seed in it', () => {
    const sandbox = join(root, 'dist', 'sandbox.js');
    assert.ok(existsSync(sandbox), 'dist/sandbox.js is built');
    const text = readFileSync(sandbox, 'utf8');
    assert.ok(text.includes(FIXTURES.paymentsServiceAccount.displayName), 'the seeded organization is in the demo bundle');
    assert.match(text, /startSandbox/);
  });

  void it('keeps the sandbox out of the activation bundle, which only requires ./sandbox.js on demand', () => {
    const extension = readFileSync(join(root, 'dist', 'extension.js'), 'utf8');
    for (const seedText of [FIXTURES.paymentsServiceAccount.displayName, FIXTURES.organization.displayName, 'seedOrganization', 'FaultInjector']) {
      assert.ok(!extension.includes(seedText), `dist/extension.js does not contain "${seedText}"`);
    }
    assert.match(extension, /require\(["']\.\/sandbox\.js["']\)/, 'the demo loads the separate bundle');
  });

  void it('ships dist/sandbox.js in the VSIX (.vscodeignore lets it through)', () => {
    const ignore = readFileSync(join(REPO, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.ok(ignore.includes('!dist/sandbox.js'));
  });
});
