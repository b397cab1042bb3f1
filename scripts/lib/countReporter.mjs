// node:test reporter that emits only the final counts as JSON: {"passed":N,"failed":N,"skipped":N}.
// Used next to the spec reporter so counts don't depend on parsing human-readable output.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  // nesting level → whether a test below that level failed since the suite at that level began.
  const failedBelow = new Map();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { nesting, details } = event.data;
    if (details?.type === 'suite') {
      // Suites (describe) report too. Count one only when a hook failed and no test inside
      // already did (e.g. an `after` hook threw), so a broken suite never looks green.
      if (event.type === 'test:fail' && !failedBelow.get(nesting)) counts.failed += 1;
      failedBelow.set(nesting, false);
      continue;
    }
    // A file that fails to load shows up as a failing top-level entry that is not a suite.
    if (event.type === 'test:fail') {
      counts.failed += 1;
      for (let level = 0; level < nesting; level++) failedBelow.set(level, true);
    } else if (event.data.skip || event.data.todo) counts.skipped += 1;
    else counts.passed += 1;
  }
  yield `${JSON.stringify(counts)}\n`;
}
