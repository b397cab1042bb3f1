// End-to-end tests: node:test + playwright-core over every test/e2e/**/*.test.ts, one file at a
// time (each file starts its own sandbox, code-server and Chromium; 2 cores don't fit two).
//   node scripts/runE2e.mjs [--no-build] [--summary file] [files...]
import { resolve } from 'node:path';
import { findFiles } from './lib/buildHostTests.mjs';
import { ensureHost } from './lib/hostInstaller.mjs';
import { runNodeTests } from './lib/nodeTest.mjs';
import { run } from './lib/processes.mjs';
import { inRepo, repoRoot } from './lib/repo.mjs';
import { summaryPathFromArgs, writeSummary } from './lib/summary.mjs';

const argv = process.argv.slice(2);
const summaryFile = summaryPathFromArgs(process.argv);
const named = argv.filter((a, i) => a.endsWith('.ts') && argv[i - 1] !== '--summary').map((f) => resolve(f));
const files = named.length > 0 ? named : findFiles(inRepo('test', 'e2e'), '.test.ts');

let summary = { passed: 0, failed: 1 };
try {
  if (files.length === 0) throw new Error('no test/e2e/**/*.test.ts files found');
  await ensureHost();
  if (!argv.includes('--no-build') && (await run(process.execPath, [inRepo('scripts', 'build.mjs')], { cwd: repoRoot })) !== 0) {
    throw new Error('extension build failed');
  }
  summary = await runNodeTests(files, { concurrency: 1, timeoutMs: Number(process.env.CCX_E2E_TIMEOUT_MS ?? 180_000) });
} catch (err) {
  console.error(`[e2e] could not run: ${err instanceof Error ? err.message : err}`);
}
console.log(`[e2e] ${summary.passed} passed, ${summary.failed} failed (screenshots/logs of failures: test-results/e2e/)`);
writeSummary(summaryFile, summary);
process.exit(summary.failed > 0 ? 1 : 0);
