/**
 * Prints the suite's counts, taken by the tests from the Graph sandbox's record and written to one
 * summary file per test file, added up, just before the runner's passed/failed line: the load
 * figures first, then the `chaos:` summary line.
 */
const fs = require('node:fs');
const { readSummaries } = require('./summary-file');

class ChaosSummaryReporter {
  onRunComplete() {
    const { total: s, files } = readSummaries();
    if (!s) {
      process.stdout.write('\nchaos: no summary (the suite stopped before counting)\n');
      return;
    }
    const n = (value) => Number(value ?? 0).toLocaleString('en-US');
    const lines = [];
    if (s.load) {
      lines.push(
        `chaos load: ${n(s.load.webhooks)} webhooks in ${s.load.seconds} s (${n(Math.round(s.load.webhooks / s.load.seconds))}/s; ` +
          `${s.load.targetRate} orders/s offered), ack p50 ${s.load.p50Ms} ms, p90 ${s.load.p90Ms} ms, p99 ${s.load.p99Ms} ms, ` +
          `server RSS ${s.load.rss.startMb} -> ${s.load.rss.endMb} MB (peak ${s.load.rss.peakMb}, growth ${s.load.rss.growthMb}, ` +
          `over the second half ${s.load.rss.secondHalfGrowthMb} MB; ${s.load.rss.samples} samples; ${s.load.rss.afterDrainMb} MB once the backlog was sent)`,
      );
    }
    lines.push(`chaos: resent after a SIGKILL between Meta's answer and the mark ${n(s.resentAfterKill)} (same event_id, which Meta deduplicates)`);
    lines.push(
      `chaos: webhooks accepted ${n(s.webhooksAccepted)}, events sent ${n(s.eventsSent)}, refused by Meta and recorded ${n(s.refusedRecorded)}, duplicates ${n(s.duplicates)}, lost ${n(s.lost)}, ` +
        `faults injected ${n(s.faultsInjected)}, fuzz cases ${n(s.fuzzCases)}`,
    );
    process.stdout.write(`\n${lines.join('\n')}\n`);
    for (const file of files) fs.rmSync(file, { force: true });
  }
}
module.exports = ChaosSummaryReporter;
