// `npm run test:electron`: the same in-host tests under @vscode/test-cli + @vscode/test-electron,
// for machines that can download VS Code. CI uses code-server instead (offline; see test/README.md).
// Loading this config builds the extension and the tests and starts a sandbox for the run; the
// sandbox's process group is killed when the test-cli process exits.
import { defineConfig } from '@vscode/test-cli';
import { buildHostTests } from './scripts/lib/buildHostTests.mjs';
import { run, stopGroupsOnExit } from './scripts/lib/processes.mjs';
import { sandboxHostEnv, startSandboxProcess } from './scripts/lib/sandboxProcess.mjs';

if ((await run(process.execPath, ['scripts/build.mjs'])) !== 0) throw new Error('extension build failed');
await buildHostTests();
stopGroupsOnExit();
const sandbox = await startSandboxProcess();

export default defineConfig({
  files: 'out/test/host/**/*.test.js',
  extensionDevelopmentPath: '.',
  workspaceFolder: './test/host',
  env: sandboxHostEnv(sandbox),
  mocha: { ui: 'bdd', timeout: 30000 },
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
});
