/**
 * Prints the suite's summary line, counted by the tests from the Graph sandbox's record and written
 * to CHAOS_SUMMARY_FILE, just before the runner's passed/failed line.
 */
const fs = require('node:fs');
const { summaryFile } = require('./summary-file');

class ChaosSummaryReporter {
  onRunComplete() {
    const file = summaryFile();
    if (!fs.existsSync(file)) {
      process.stdout.write('\nchaos: no summary (the suite stopped before counting)\n');
      return;
    }
    const s = JSON.parse(fs.readFileSync(file, 'utf8'));
    const n = (value) => Number(value ?? 0).toLocaleString('en-US');
    process.stdout.write(
      `\nchaos: webhooks accepted ${n(s.webhooksAccepted)}, events sent ${n(s.eventsSent)}, duplicates ${n(s.duplicates)}, lost ${n(s.lost)}, ` +
        `faults injected ${n(s.faultsInjected)}, fuzz cases ${n(s.fuzzCases)}\n`,
    );
    if (s.load) {
      process.stdout.write(
        `chaos load: ${n(s.load.webhooks)} webhooks at ${s.load.targetRate}/s for ${s.load.seconds} s, p99 ack ${s.load.p99Ms} ms, ` +
          `RSS growth ${s.load.rssGrowthMb} MB (server ${s.load.rssStartMb} -> ${s.load.rssEndMb} MB)\n`,
      );
    }
  }
}
module.exports = ChaosSummaryReporter;
