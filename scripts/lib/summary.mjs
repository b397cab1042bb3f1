// A suite's result as handed from a runner to scripts/test.mjs: `--summary <file>` gets
// {"passed":N,"failed":N}. Keeps test.mjs from scraping each runner's console format.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function summaryPathFromArgs(argv = process.argv) {
  const i = argv.indexOf('--summary');
  return i >= 0 ? argv[i + 1] : undefined;
}

export function writeSummary(file, summary) {
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(summary));
}
