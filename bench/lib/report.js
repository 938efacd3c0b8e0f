/** The printed summary: this run's figures in tables, then the anchors for context. */
const { ANCHORS } = require('./anchors');

function table(headers, rows) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const whole = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');
const oneDecimal = (value) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const ratio = (value, baseline) => (Number.isFinite(value / baseline) ? (value / baseline).toFixed(2) : 'n/a');
const percent = (value) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : 'n/a');
/** Cores used by other processes during the measurement, and the share of time the hypervisor stole. */
const otherLoad = (load) => (load ? `${load.otherCores.toFixed(2)} / ${percent(load.stealShare)}` : 'n/a');

/** @param ingest [{ name, result }] with the baseline first */
function ingestTable(ingest) {
  const baseline = ingest[0].result.perSecond;
  return table(
    ['ingest run', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'server loop busy', 'client CPU µs/req', 'others cores / steal', 'ratio'],
    ingest.map(({ name, result }) => [
      name,
      whole(result.perSecond),
      oneDecimal(result.p50Ms),
      oneDecimal(result.p99Ms),
      whole(result.serverCpuMicrosPerRequest),
      percent(result.serverUtilization),
      whole(result.clientCpuMicrosPerRequest),
      otherLoad(result.load),
      ratio(result.perSecond, baseline),
    ]),
  );
}

/**
 * @param drains [{ database, concurrency, batchSize, fillPerSecond, result }]; a failed run's result is { failure }
 * @param sdk the SDK example's drain, measured once ({ perSecond, events, cpuMicrosPerEvent } or { failure }), or undefined
 */
function drainTable(drains, sdk) {
  const sdkPerSecond = sdk && !sdk.failure ? sdk.perSecond : Number.NaN;
  const sdkCell = sdk && !sdk.failure ? `${whole(sdk.perSecond)} (${whole(sdk.events)} ev, ${whole(sdk.cpuMicrosPerEvent)} µs/ev)` : 'n/a';
  return table(
    ['drain run', 'batch', 'in flight', 'events', 'Graph client only ev/s', 'workers + outbox ev/s', 'ratio', 'CPU µs/ev client / workers', 'others cores / steal', 'backlog fill ev/s', 'SDK example ev/s', 'x SDK'],
    drains.map(({ database, concurrency, batchSize, fillPerSecond, result }) => [
      database,
      whole(batchSize),
      String(concurrency),
      ...(result.failure
        ? ['FAILED', '-', '-', '-', '-', '-', whole(fillPerSecond), sdkCell, '-']
        : [
            whole(result.events),
            whole(result.baselinePerSecond),
            whole(result.workerPerSecond),
            ratio(result.workerPerSecond, result.baselinePerSecond),
            `${whole(result.baselineCpuMicrosPerEvent)} / ${whole(result.workerCpuMicrosPerEvent)}`,
            otherLoad(result.load),
            whole(fillPerSecond),
            sdkCell,
            ratio(result.workerPerSecond, sdkPerSecond),
          ]),
    ]),
  );
}

/** @param rows [{ database, result }]; see end-to-end.js for the result */
function endToEndTable(rows) {
  return table(
    ['end-to-end run', 'offered webhooks/s', 'seconds', 'answered 200', 'ack p50 / p99 ms', 'webhook -> sandbox p50 / p99 ms', 'delivered', 'server CPU µs/webhook', 'others cores / steal', 'ratio'],
    rows.map(({ database, result }) => [
      `app server + worker, ${database}`,
      whole(result.rate),
      whole(result.seconds),
      `${whole(result.answered)} of ${whole(result.issued)}`,
      `${oneDecimal(result.ackP50Ms)} / ${oneDecimal(result.ackP99Ms)}`,
      `${whole(result.endToEndP50Ms)} / ${whole(result.endToEndP99Ms)}`,
      whole(result.delivered),
      whole(result.serverCpuMicrosPerWebhook),
      otherLoad(result.load),
      Number.isFinite(result.keptPace) ? result.keptPace.toFixed(2) : 'n/a',
    ]),
  );
}

/** @param result { customers, oursPerSecond, sdkPerSecond, sdkRefused, load } or { failure } */
function normalizationTable(result) {
  if (!result || result.failure) return `FAILED: ${result?.failure ?? 'not run'}`;
  return table(
    ['normalization run', 'customers', 'core customers/s', 'SDK customers/s', 'SDK refused', 'others cores / steal', 'ratio'],
    [['hashUserData vs UserData.normalize()', whole(result.customers), whole(result.oursPerSecond), whole(result.sdkPerSecond), whole(result.sdkRefused), otherLoad(result.load), ratio(result.oursPerSecond, result.sdkPerSecond)]],
  );
}

const megabytes = (bytes) => (Number.isFinite(bytes) ? `${Math.round(bytes / 1_048_576)} MB` : 'n/a');

/** @param result from worker-memory.js, or undefined when skipped */
function memoryTable(result, { backlog, seconds }) {
  if (!result) return 'skipped';
  if (result.failure) return `FAILED: ${result.failure}`;
  return table(
    ['memory run', 'queued', 'backlog fill ev/s', 'delivered (window)', 'worker ev/s', 'idle worker peak RSS', 'peak RSS while draining', 'others cores / steal', 'ratio'],
    [
      [
        'SQLite, 1 worker process',
        whole(backlog),
        whole(result.fillPerSecond),
        `${whole(result.delivered)} (${Math.round(result.seconds)} s of ${seconds} s)`,
        whole(result.delivered / result.seconds),
        megabytes(result.idlePeakBytes),
        megabytes(result.peakBytes),
        otherLoad(result.load),
        ratio(result.peakBytes, result.idlePeakBytes),
      ],
    ],
  );
}

function anchorsTable() {
  return table(
    ['anchor', 'what was measured (elsewhere, NOT by this run)', 'figure'],
    ANCHORS.map(([id, what, figure]) => [id, what, figure]),
  );
}

module.exports = { ingestTable, drainTable, endToEndTable, normalizationTable, memoryTable, anchorsTable };
