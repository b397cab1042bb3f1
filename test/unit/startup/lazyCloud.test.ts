import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { REPO, useScratchBuild } from '../scratchBuild';

interface Observed {
  atActivation: string[];
  afterRows: string[];
  afterExpand: string[];
  folderKinds: string[];
  accountRows: number;
}

void describe('start-up: the cloud client loads on its first request', () => {
  const scratch = useScratchBuild('ccx-lazy-cloud-');
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  after(() => sandbox.close());

  // Plain Node with the bench's stand-in vscode module (no VS Code host) and the sandbox over HTTP.
  void it('(stand-in vscode module) an organization row and its folders need no cloud code; expanding a folder loads it once', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'expandRecorded.cjs'), join(scratch.root, 'dist', 'extension.js')], {
      encoding: 'utf8', timeout: 60_000,
      env: {
        ...process.env, CONFLUENT_CLOUD_API_KEY: '', CONFLUENT_CLOUD_API_SECRET: '',
        CCX_SANDBOX_URL: sandbox.url, CCX_SANDBOX_KEY: sandbox.apiKey, CCX_SANDBOX_SECRET: sandbox.apiSecret,
      },
    });
    const seen = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Observed;
    assert.deepEqual(seen.atActivation, ['extension.js'], 'activation with a stored organization evaluates the core only');
    assert.ok(seen.folderKinds.includes('serviceAccountsFolder'), 'the organization shows its folders');
    assert.deepEqual(seen.afterRows, ['extension.js'], 'rows that fetch nothing load no cloud code');
    assert.deepEqual(seen.afterExpand, ['cloud.js', 'extension.js', 'undici.js'], 'the first request loads the client and undici');
    assert.ok(seen.accountRows > 0, 'the folder lists the sandbox\'s service accounts');
  });

  void it('keeps the client\'s implementation out of the activation bundle, reusing the core\'s modules', () => {
    const core = readFileSync(join(scratch.root, 'dist', 'extension.js'), 'utf8');
    const cloud = readFileSync(join(scratch.root, 'dist', 'cloud.js'), 'utf8');
    assert.match(core, /require\(["']\.\/cloud\.js["']\)/);
    // Development bundles keep names; esbuild writes a class as `var Name = class …`.
    const defines = (code: string, name: string): boolean => new RegExp(`\\b(class ${name}\\b|${name} = class\\b|function ${name}\\()`).test(code);
    for (const implementation of ['HttpClient', 'ServiceAccountsApi', 'sendFollowingRedirects', 'CloudClient']) {
      assert.ok(!defines(core, implementation), `dist/extension.js has no ${implementation}`);
      assert.ok(defines(cloud, implementation), `dist/cloud.js has ${implementation}`);
    }
    // One CloudApiError class: `instanceof` must hold for errors the client throws.
    assert.ok(defines(core, 'CloudApiError'));
    assert.ok(!defines(cloud, 'CloudApiError'), 'dist/cloud.js takes the error class from the core');
    assert.match(cloud, /require\(["']\.\/extension\.js["']\)\.__coreModules\[\d+\]/);
  });

  void it('ships dist/cloud.js in the VSIX (.vscodeignore lets it through)', () => {
    const ignore = readFileSync(join(REPO, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.ok(ignore.includes('!dist/cloud.js'));
  });
});
