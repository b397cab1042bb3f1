// `npm test`: everything CI checks, in order, with one summary at the end.
//   host install → typecheck → lint → build → unit → in-host → e2e
// Each check (typecheck, lint, build) counts as one test; suites report their own counts through
// --summary files. A suite that cannot start counts as a failure. The last line is always
// `tests: N passed, N failed`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './lib/processes.mjs';
import { inRepo, repoRoot } from './lib/repo.mjs';

const temp = mkdtempSync(join(tmpdir(), 'ccx-test-'));
const bin = (name) => inRepo('node_modules', '.bin', name);
const node = (script, ...args) => [process.execPath, [inRepo('scripts', script), ...args]];

/** kind 'check': pass/fail by exit code. kind 'suite': counts from its --summary file. */
const steps = [
  { name: 'host install', kind: 'setup', cmd: node('hostInstall.mjs') },
  { name: 'typecheck', kind: 'check', cmd: [bin('tsc'), ['-p', '.', '--noEmit']] },
  { name: 'lint', kind: 'check', cmd: [bin('eslint'), ['.']] },
  { name: 'build', kind: 'check', cmd: node('build.mjs') },
  { name: 'unit', kind: 'suite', cmd: node('testUnit.mjs') },
  { name: 'host', kind: 'suite', needsHost: true, cmd: node('runHostTests.mjs', '--no-build') },
  { name: 'e2e', kind: 'suite', needsHost: true, cmd: node('runE2e.mjs', '--no-build') },
];

const results = [];
let hostOk = true;
let interrupted = false;
process.on('SIGINT', () => (interrupted = true)); // children get the Ctrl-C too; report and stop

const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;
for (const step of steps) {
  if (interrupted) break;
  const started = Date.now();
  console.log(`\n━━ ${step.name} ━━`);
  if (step.needsHost && !hostOk) {
    console.log(`cannot start: the host install failed`);
    results.push({ ...step, passed: 0, failed: 1, ms: 0, note: 'host install failed' });
    continue;
  }
  const summaryFile = join(temp, `${step.name}.json`);
  const [cmd, args] = step.cmd;
  const fullArgs = step.kind === 'suite' ? [...args, '--summary', summaryFile] : args;
  let code;
  try {
    code = await run(cmd, fullArgs, { cwd: repoRoot, env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
  } catch (err) {
    console.error(`could not start ${step.name}: ${err.message}`);
    code = 1;
  }
  const ms = Date.now() - started;
  if (step.kind === 'setup') {
    if (code !== 0) hostOk = false;
    results.push({ ...step, ms, note: code === 0 ? 'ok' : 'FAILED' });
    continue;
  }
  if (step.kind === 'check') {
    results.push({ ...step, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, ms });
    continue;
  }
  let counts;
  try {
    counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
  } catch {
    counts = { passed: 0, failed: 0 };
  }
  // No summary or a non-zero exit without failures means the suite broke: one failure.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  results.push({ ...step, passed: counts.passed, failed: counts.failed, ms });
}
rmSync(temp, { recursive: true, force: true });

console.log('\n━━ summary ━━');
let passed = 0;
let failed = 0;
for (const r of results) {
  if (r.kind === 'setup') {
    console.log(`  ${r.name.padEnd(13)} ${r.note.padEnd(24)} ${fmt(r.ms)}`);
    continue;
  }
  passed += r.passed;
  failed += r.failed;
  const what = r.kind === 'check' ? (r.failed ? 'FAILED' : 'passed') : `${r.passed} passed, ${r.failed} failed`;
  console.log(`  ${r.name.padEnd(13)} ${what.padEnd(24)} ${fmt(r.ms)}${r.note ? `  (${r.note})` : ''}`);
}
if (interrupted) {
  console.log('  interrupted');
  failed += 1;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
