/** Prints the plain closing line CI reads ("jest: N passed, N failed, N skipped"). */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
    const failed = numFailedTests + numRuntimeErrorTestSuites;
    // Said again beside the totals, where a contributor looks, so a skipped half is never missed.
    if (process.env.CAPI_TEST_POSTGRES_SKIP_LINE) process.stdout.write(`\n${process.env.CAPI_TEST_POSTGRES_SKIP_LINE}\n`);
    process.stdout.write(`\njest: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
