/**
 * Ends the run with one plain line, "N passed, N failed, N skipped", that CI systems and people
 * can read without knowing vitest's format.
 */
import type { Reporter, TestModule } from "vitest/node";

export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const test of m.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      if (m.state() === "failed" && [...m.children.allTests()].length === 0) failed++; // a file that failed to load
    }
    console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
