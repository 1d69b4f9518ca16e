// Prints one plain closing line for the browser tests ("browser: N passed, N failed, N skipped"),
// so CI logs say how many tests ran, not only whether the run passed.
export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        if (!suite) return;
        for (const test of suite.tests ?? []) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        walk(session.testResults);
        // A file that failed to load has no results but errors: count it as failed.
        if (!session.testResults && session.errors?.length) failed += 1;
      }
      console.log(`\nbrowser: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    },
  };
}
