// Entry point the extension host loads as `extensionTestsPath` (code-server payload or
// @vscode/test-electron). Runs every bundled *.test.js next to this file with mocha and, when
// CCX_HOST_RESULTS names a file, writes a JSON summary there so the runner outside the host can
// report exact counts instead of scraping console output.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { type HostTestResults, type HostTestRecord, RUN_BEGIN_MARKER, RUN_END_MARKER } from './results';

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export async function run(): Promise<void> {
  // Stack traces should point at test/host/*.ts, not the bundles (they carry inline source maps).
  process.setSourceMapsEnabled(true);
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.CCX_HOST_TEST_TIMEOUT_MS ?? 30000),
    grep: process.env.CCX_HOST_GREP || undefined,
  });
  const files = findTests(__dirname);
  for (const file of files) mocha.addFile(file);

  const records: HostTestRecord[] = [];
  const started = Date.now();
  let running: string | undefined;
  const write = (complete: boolean): void => {
    const out = process.env.CCX_HOST_RESULTS;
    if (!out) return;
    const results: HostTestResults = {
      complete,
      running,
      files: files.map((f) => path.relative(__dirname, f)),
      passes: records.filter((r) => r.state === 'passed').length,
      failures: records.filter((r) => r.state === 'failed').length,
      pending: records.filter((r) => r.state === 'pending').length,
      durationMs: Date.now() - started,
      tests: records,
    };
    fs.writeFileSync(out, JSON.stringify(results, null, 2));
  };
  write(false);
  console.log(RUN_BEGIN_MARKER);
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      const runner = mocha.run(resolve);
      runner.on('test', (t) => {
        running = t.fullTitle();
        write(false);
      });
      runner.on('pass', (t) => records.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
      runner.on('pending', (t) => records.push({ title: t.fullTitle(), state: 'pending', durationMs: 0 }));
      runner.on('fail', (t, err: Error) =>
        records.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: err?.stack ?? String(err) }),
      );
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
  console.log(RUN_END_MARKER);
  running = undefined;
  write(true);
  if (files.length === 0) throw new Error(`no *.test.js files found under ${__dirname}`);
  if (failures > 0) throw new Error(`${failures} in-host test(s) failed`);
}
