// Runs the in-host tests (test/host/**/*.test.ts) inside a real VS Code extension host:
// fresh sandbox + code-server with the smoke-test driver + headless Chromium on the payload URL
// carrying extensionDevelopmentPath and extensionTestsPath. The workbench reports the exit code
// through window.codeAutomationExit; exact counts come from the JSON the in-host runner writes.
//   node scripts/runHostTests.mjs [--no-build] [--summary file] [--timeout ms]
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { buildHostTests } from './lib/buildHostTests.mjs';
import { startCodeServer } from './lib/codeServer.mjs';
import { captureConsole } from './lib/hostConsole.mjs';
import { ensureHost } from './lib/hostInstaller.mjs';
import { removeOnExit, run, stopAllGroups, stopGroupsOnExit } from './lib/processes.mjs';
import { inRepo, repoRoot } from './lib/repo.mjs';
import { sandboxHostEnv, startSandboxProcess } from './lib/sandboxProcess.mjs';
import { summaryPathFromArgs, writeSummary } from './lib/summary.mjs';

// Kept in sync with test/host/results.ts.
const RUN_BEGIN_MARKER = '=== in-host tests: begin ===';
const RUN_END_MARKER = '=== in-host tests: end ===';

const argv = process.argv.slice(2);
const summaryFile = summaryPathFromArgs(process.argv);
const timeoutIdx = argv.indexOf('--timeout');
const timeoutMs = timeoutIdx >= 0 ? Number(argv[timeoutIdx + 1]) : Number(process.env.CCX_HOST_TIMEOUT_MS ?? 300000);
const resultsDir = inRepo('test-results', 'host');
const resultsFile = join(resultsDir, 'results.json');
// A per-run bundle folder (inside the repo so `require('mocha')` resolves from node_modules):
// two runs in one checkout must not delete each other's tests mid-run.
const testsOut = inRepo('out', 'test', `host-run-${process.pid}`);
const removeTestsOut = removeOnExit(testsOut);
const logFile = join(resultsDir, 'extension-host.log');

const say = (msg) => console.log(`[host-tests] ${msg}`);

async function main() {
  stopGroupsOnExit({ onSignal: cleanup });
  await ensureHost();
  if (!argv.includes('--no-build')) {
    if ((await run(process.execPath, [inRepo('scripts', 'build.mjs')], { cwd: repoRoot })) !== 0) {
      throw new Error('extension build failed');
    }
  }
  const files = await buildHostTests(testsOut);
  say(`${files.length} test file(s): ${files.join(', ') || '(none)'}`);
  mkdirSync(resultsDir, { recursive: true });
  rmSync(resultsFile, { force: true });

  const started = Date.now();
  const sandbox = await startSandboxProcess();
  say(`sandbox at ${sandbox.url}`);
  server = await startCodeServer({
    extensionDevelopmentPath: repoRoot,
    env: {
      ...sandboxHostEnv(sandbox),
      CCX_HOST_RESULTS: resultsFile,
      ...(process.env.CCX_HOST_GREP ? { CCX_HOST_GREP: process.env.CCX_HOST_GREP } : {}),
    },
  });
  say(`code-server at ${server.url}`);
  browser = await launchBrowser(server.temp);
  const { page } = browser;
  const exited = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  // Only what the in-host runner prints between its markers goes to the terminal (the mocha
  // spec report and any console output of the tests); everything lands in the log file.
  let echoing = false;
  const consoleLog = captureConsole(page, {
    logFile,
    echo: (text) => {
      if (text.includes(RUN_BEGIN_MARKER)) return void (echoing = true);
      if (text.includes(RUN_END_MARKER)) return void (echoing = false);
      return echoing;
    },
  });
  await page.goto(server.workbenchUrl({ extensionTestsPath: join(testsOut, 'index.js') }));

  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const code = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  await consoleLog.flush();
  if (code === 'timeout') say(`no exit code within ${timeoutMs} ms (was the payload ignored?)`);
  else say(`extension host exited with code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
  let passed = results?.passes ?? 0;
  let failed = results?.failures ?? 0;
  for (const t of results?.tests ?? []) if (t.state === 'failed') console.log(`  FAILED ${t.title}\n${indent(t.error)}`);
  if (!results || results.files.length === 0 || !results.complete || (code !== 0 && failed === 0)) {
    // The run itself broke (no results, no tests, host crash or hang): count it as one failure,
    // never a skip. Tests that finished before it broke still count.
    failed += 1;
    if (results?.running) say(`the run stopped during: ${results.running}`);
    say(`the in-host run did not complete normally; see ${logFile}`);
  }
  return { passed, failed };
}

function indent(text = '') {
  return text.split('\n').slice(0, 8).map((l) => `      ${l}`).join('\n');
}

let browser;
let server;
/** Shared by the normal path and Ctrl-C: browser, code-server (and its temp dir), bundles. */
async function cleanup() {
  await browser?.context.close().catch(() => {});
  await server?.stop().catch((err) => console.error(String(err)));
  await stopAllGroups();
  removeTestsOut();
}
let summary = { passed: 0, failed: 1 };
try {
  summary = await main();
} catch (err) {
  console.error(`[host-tests] could not run: ${err instanceof Error ? err.message : err}`);
} finally {
  await cleanup();
}
say(`${summary.passed} passed, ${summary.failed} failed (log: ${logFile})`);
writeSummary(summaryFile, summary);
process.exit(summary.failed > 0 ? 1 : 0);
