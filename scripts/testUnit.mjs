// Unit tests: node:test + tsx over every test/unit/**/*.test.ts (Node 20's --test has no globs).
//   node scripts/testUnit.mjs [--summary file] [extra node --test args]
import { findFiles } from './lib/buildHostTests.mjs';
import { runNodeTests } from './lib/nodeTest.mjs';
import { inRepo } from './lib/repo.mjs';
import { summaryPathFromArgs, writeSummary } from './lib/summary.mjs';

const files = findFiles(inRepo('test', 'unit'), '.test.ts');
let summary;
if (files.length === 0) {
  console.error('[unit] no test/unit/**/*.test.ts files found');
  summary = { passed: 0, failed: 1 };
} else {
  summary = await runNodeTests(files);
}
writeSummary(summaryPathFromArgs(process.argv), summary);
process.exit(summary.failed > 0 ? 1 : 0);
