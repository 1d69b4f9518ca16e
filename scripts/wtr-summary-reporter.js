// Reporters of the browser tests.
//
// summaryReporter prints one plain closing line for the browser tests ("browser: N passed,
// N failed, N skipped"), so CI logs say how many tests ran, not only whether the run passed.
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

/**
 * `reporter` without the 404s the tests cause on purpose: the reference server's tenants answer
 * 404 where OpenHands does (`GET /api/settings` with nothing stored, an unknown tenant), and the
 * contract tests ask a path that is nowhere. Any other 404 (a missing module, a wrong import) is
 * still reported.
 */
export function withoutExpected404s(reporter, expected) {
  return {
    ...reporter,
    reportTestFileResults(args) {
      const sessionsForTestFile = args.sessionsForTestFile.map((session) => ({
        ...session,
        request404s: session.request404s.filter((url) => !expected.test(url)),
      }));
      return reporter.reportTestFileResults?.({ ...args, sessionsForTestFile });
    },
  };
}
