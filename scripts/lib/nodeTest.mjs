// Runs node:test files with tsx: spec output streamed to the terminal, counts via countReporter.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { run } from './processes.mjs';
import { repoRoot } from './repo.mjs';

/**
 * @param {string[]} files absolute paths
 * @param {{ concurrency?: number, timeoutMs?: number, env?: NodeJS.ProcessEnv, extraArgs?: string[] }} [options]
 * @returns {Promise<{ passed: number, failed: number, skipped: number, code: number }>}
 */
export async function runNodeTests(files, { concurrency, timeoutMs, env = process.env, extraArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ccx-counts-'));
  const countsFile = join(dir, 'counts.json');
  try {
    const args = [
      '--import', 'tsx',
      '--test',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      `--test-reporter=${join(repoRoot, 'scripts', 'lib', 'countReporter.mjs')}`, `--test-reporter-destination=${countsFile}`,
      ...(concurrency ? [`--test-concurrency=${concurrency}`] : []),
      ...(timeoutMs ? [`--test-timeout=${timeoutMs}`] : []),
      ...extraArgs,
      // Relative paths keep the spec output short.
      ...files.map((f) => relative(repoRoot, f)),
    ];
    const code = await run(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
    let counts = { passed: 0, failed: 0, skipped: 0 };
    try {
      counts = JSON.parse(readFileSync(countsFile, 'utf8'));
    } catch {
      // The runner died before reporting: the exit code below turns that into a failure.
    }
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return { ...counts, code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
