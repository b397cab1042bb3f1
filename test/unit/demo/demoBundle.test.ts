import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO, useScratchBuild } from '../scratchBuild';
import { FIXTURES } from '../../../sandbox/fixtures';

void describe('demo organization: bundles', () => {
  const scratch = useScratchBuild('ccx-demo-bundle-');

  void it('builds the sandbox into its own file, dist/sandbox.js, with the seed in it', () => {
    const sandbox = join(scratch.root, 'dist', 'sandbox.js');
    assert.ok(existsSync(sandbox), 'dist/sandbox.js is built');
    const text = readFileSync(sandbox, 'utf8');
    assert.ok(text.includes(FIXTURES.paymentsServiceAccount.displayName), 'the seeded organization is in the demo bundle');
    assert.match(text, /startSandbox/);
  });

  void it('keeps the sandbox out of the activation bundle, which only requires ./sandbox.js on demand', () => {
    const extension = readFileSync(join(scratch.root, 'dist', 'extension.js'), 'utf8');
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
