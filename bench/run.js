/**
 * `npm run bench`: webhook ingest and delivery drain of the built app on this machine, each printed
 * as a ratio against a baseline run by this same script (see bench/README.md). Loopback only;
 * every phase is bounded in count and time, and a watchdog ends a run that hangs anyway.
 */
const os = require('node:os');

const { startAppServer } = require('./lib/app-server');
const { cpuCheck } = require('./lib/cpu-check');
const { createPostgresDatabase, createSqliteDatabase } = require('./lib/databases');
const { measureDrain } = require('./lib/drain');
const { measureAppIngest, measureBaselineIngest } = require('./lib/ingest');
const { anchorsTable, drainTable, ingestTable } = require('./lib/report');
const { startSandboxThread } = require('./lib/sandbox-thread');
const { orderBody, orderIdFor, orderTemplate } = require('./lib/shopify-requests');

const WATCHDOG_MS = 5 * 60_000;
/** The worker's default and Meta's maximum events per request. */
const DEFAULT_BATCH = 1000;

function positiveInteger(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

function readSettings() {
  return {
    ingest: {
      concurrency: positiveInteger('BENCH_CONCURRENCY', 32),
      warmupMs: positiveInteger('BENCH_WARMUP_SECONDS', 2) * 1000,
      durationMs: positiveInteger('BENCH_SECONDS', 8) * 1000,
      maxRequests: positiveInteger('BENCH_MAX_REQUESTS', 200_000),
    },
    drain: {
      events: positiveInteger('BENCH_EVENTS', 10_000),
      concurrencies: [1, 4],
      timeoutMs: 60_000,
    },
  };
}

const progress = (message) => process.stderr.write(`bench: ${message}\n`);

/** The drain at the product's default batch (Meta's 1,000 per request); a failure is reported as a row. */
async function benchDrain(app, database, sandbox, settings, concurrency) {
  progress(`${database.name}: ${settings.drain.events} events, ${concurrency} worker(s) then the Graph client alone`);
  const { fillPerSecond, result } = await measureDrain(app, sandbox, { ...settings.drain, concurrency, batchSize: DEFAULT_BATCH });
  return { database: database.name, concurrency, batchSize: DEFAULT_BATCH, fillPerSecond, result };
}

async function benchDatabase(database, sandbox, settings) {
  const app = await startAppServer({ databaseUrl: database.url, graphUrl: sandbox.url });
  try {
    // Drain first: the ingest runs leave queued events behind that the drain's workers would pick up.
    const drains = [];
    for (const concurrency of settings.drain.concurrencies) drains.push(await benchDrain(app, database, sandbox, settings, concurrency));
    progress(`${database.name}: webhook ingest`);
    const ingest = { name: `app server, ${database.name}`, result: await measureAppIngest(app, settings.ingest) };
    return { ingest, drains };
  } finally {
    await app.close();
  }
}

async function main() {
  const settings = readSettings();
  const startLoad = os.loadavg()[0];
  const cpu = cpuCheck();
  const sandbox = await startSandboxThread();
  const ingest = [];
  const drains = [];
  const notes = [];
  try {
    progress('baseline ingest (bare Fastify)');
    ingest.push({ name: 'bare Fastify (baseline)', result: await measureBaselineIngest(settings.ingest) });
    for (const open of [async () => createSqliteDatabase(), createPostgresDatabase]) {
      const database = await open();
      if (database.unavailable) {
        notes.push(`${database.unavailable}: PostgreSQL rows skipped.`);
        continue;
      }
      try {
        const result = await benchDatabase(database, sandbox, settings);
        ingest.push(result.ingest);
        drains.push(...result.drains);
      } finally {
        await database.drop();
      }
    }
  } finally {
    await sandbox.close();
  }

  const { concurrency, warmupMs, durationMs } = settings.ingest;
  const bodyKb = Buffer.byteLength(orderBody(orderTemplate(), orderIdFor(1, 0))) / 1024;
  const failed = ingest.filter(({ result }) => result.notOk > 0 || result.failures > 0);
  console.log(
    [
      '',
      `CAPI Relay benchmark: Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${startLoad.toFixed(2)} before / ${os.loadavg()[0].toFixed(2)} after`,
      `CPU yardstick: SHA-256 of short strings ${(cpu.perSecond / 1e6).toFixed(2)} M/s on one core = ${cpu.versusAnchor.toFixed(2)}x the anchor machine (anchor 1a: 1.31 M/s)`,
      'Columns "others cores / steal": CPU used by processes outside this benchmark during the measurement, and time stolen by the hypervisor; high values make that row unreliable.',
      '',
      `Webhook ingest: signed orders/create (${bodyKb.toFixed(1)} KB), ${concurrency} concurrent keep-alive connections (node:http, separate process), ${warmupMs / 1000} s warm-up + ${durationMs / 1000} s measured. ratio = req/s / baseline req/s`,
      ingestTable(ingest),
      ...failed.map(({ name, result }) => `!! ${name}: ${result.notOk} measured requests without a 200 (${JSON.stringify(result.statuses)}), ${result.failures} without an answer`),
      '',
      'Delivery drain: queued Purchase events -> Graph sandbox (own thread), one request per worker round. ratio = workers / Graph client only',
      drainTable(drains),
      ...drains.filter(({ result }) => result.failure).map(({ database, concurrency, batchSize, result }) => `!! ${database}, ${concurrency} worker(s), batch ${batchSize} failed: ${result.failure}`),
      ...notes.map((note) => `note: ${note}`),
      '',
      "Anchors, for context only: measured elsewhere (the team's perf-anchors research notes), not by this run",
      anchorsTable(),
      '',
    ].join('\n'),
  );
  return failed.length === 0 && drains.every(({ result }) => !result.failure);
}

setTimeout(() => {
  progress(`still running after ${WATCHDOG_MS / 60_000} minutes: stopping`);
  process.exit(2);
}, WATCHDOG_MS).unref();

// Exit status 1 when any run failed (the table still shows the rest): a failure is a finding, not noise.
main().then(
  (allPassed) => process.exit(allPassed ? 0 : 1),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
