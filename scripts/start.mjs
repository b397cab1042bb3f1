// `npm start`: build the extension, start a fresh sandbox, and open VS Code with the extension
// loaded in development mode and connected to the sandbox organization.
//   - `code` on PATH: a desktop window with throwaway user-data/extensions dirs.
//   - otherwise: code-server on 127.0.0.1 (PORT env or the first free port from 8080); open the
//     printed URL in a browser.
// Ctrl-C stops everything this started.
//   node scripts/start.mjs [--no-build] [--code-server]
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { startCodeServer } from './lib/codeServer.mjs';
import { run, spawnGroup, stopAllGroups, stopGroupsOnExit, freePort } from './lib/processes.mjs';
import { inRepo, repoRoot } from './lib/repo.mjs';
import { sandboxHostEnv, startSandboxProcess } from './lib/sandboxProcess.mjs';

const argv = process.argv.slice(2);
const say = (msg) => console.log(`[start] ${msg}`);
const cleanups = [];

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch { /* not here */ }
  }
  return undefined;
}

async function cleanup() {
  for (const fn of cleanups.reverse()) await fn().catch((err) => console.error(String(err)));
  await stopAllGroups();
}

async function openDesktop(code, env) {
  const temp = mkdtempSync(join(tmpdir(), 'ccx-start-'));
  cleanups.push(async () => rmSync(temp, { recursive: true, force: true }));
  const workspace = join(temp, 'workspace');
  mkdirSync(workspace);
  // --wait keeps the launcher alive until the window closes, so Ctrl-C and exit are tied together.
  const child = spawnGroup(code, [
    '--new-window', '--wait',
    '--extensionDevelopmentPath', repoRoot,
    '--user-data-dir', join(temp, 'user-data'),
    '--extensions-dir', join(temp, 'extensions'),
    '--disable-workspace-trust',
    workspace,
  ], { env: { ...process.env, ...env }, stdio: 'inherit', name: 'code' });
  say('VS Code window opened (Extension Development Host). Close it or press Ctrl-C to stop.');
  return new Promise((resolve) => child.once('exit', (c) => resolve(`VS Code exited (${c})`)));
}

async function openCodeServer(env) {
  const port = process.env.PORT ? Number(process.env.PORT) : await freePort(8080);
  const server = await startCodeServer({ extensionDevelopmentPath: repoRoot, port, env, keepTemp: false });
  cleanups.push(() => server.stop());
  const url = server.workbenchUrl();
  say(`code-server is running. Open this URL in a browser (the payload loads the extension in development mode):\n\n  ${url}\n`);
  say(`(plain workbench without the development extension: ${server.url}/)`);
  say('Press Ctrl-C to stop.');
  return server.exited.then((c) => `code-server exited (${c})`);
}

let stopping = false;
stopGroupsOnExit({
  onSignal: () => {
    stopping = true;
    say('stopping');
    return cleanup();
  },
});
try {
  if (!argv.includes('--no-build')) {
    say('building the extension');
    if ((await run(process.execPath, [inRepo('scripts', 'build.mjs')], { cwd: repoRoot })) !== 0) throw new Error('build failed');
  }
  const sandbox = await startSandboxProcess();
  cleanups.push(() => sandbox.stop());
  say(`sandbox organization at ${sandbox.url} (API key ${sandbox.apiKey}; the secret is passed to VS Code, not printed)`);
  const env = sandboxHostEnv(sandbox);
  const code = argv.includes('--code-server') ? undefined : onPath('code');
  const ended = await Promise.race([
    code ? openDesktop(code, env) : openCodeServer(env),
    sandbox.exited.then((c) => `the sandbox exited (${c})`),
  ]);
  // On Ctrl-C the signal handler owns shutdown and the exit code.
  if (!stopping) {
    say(`${ended}; stopping`);
    await cleanup();
    process.exit(0);
  }
} catch (err) {
  if (stopping) await new Promise(() => {}); // the signal handler exits
  console.error(`[start] ${err instanceof Error ? err.message : err}`);
  await cleanup();
  process.exit(1);
}

