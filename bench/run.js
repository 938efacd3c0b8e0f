/**
 * `npm run bench`: webhook ingest, delivery drain, normalization and worker memory of the built app
 * on this machine, each printed as a ratio against a baseline run by this same script (see
 * bench/README.md). Loopback only;
 * every phase is bounded in count and time, and a watchdog ends a run that hangs anyway.
 */
const os = require('node:os');
const path = require('node:path');

const { startAppServer } = require('./lib/app-server');
const { cpuCheck } = require('./lib/cpu-check');
const { createPostgresDatabase, createSqliteDatabase } = require('./lib/databases');
const { measureDrain, pixelTarget } = require('./lib/drain');
const { measureEndToEnd } = require('./lib/end-to-end');
const { measureAppIngest, measureBaselineIngest, measureNodeHttpBaselineIngest } = require('./lib/ingest');
const { measureNormalization } = require('./lib/normalization');
const { anchorsTable, drainTable, endToEndTable, ingestTable, memoryTable, normalizationTable } = require('./lib/report');
const { measureSdkDrain } = require('./lib/sdk-drain');
const { startSandboxThread } = require('./lib/sandbox-thread');
const { orderBody, orderIdFor, orderTemplate } = require('./lib/shopify-requests');
const { writeResultsFile } = require('./lib/results-file');
const { measureWorkerMemory } = require('./lib/worker-memory');

const WATCHDOG_MS = 25 * 60_000;
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
    endToEnd: {
      rate: positiveInteger('BENCH_E2E_RATE', 500),
      durationMs: positiveInteger('BENCH_E2E_SECONDS', 30) * 1000,
    },
    drain: {
      events: positiveInteger('BENCH_EVENTS', 100_000),
      concurrencies: [1, 4],
      timeoutMs: 240_000,
    },
    sdk: { inFlight: 50, seconds: positiveInteger('BENCH_SDK_SECONDS', 20) },
    normalization: { customers: positiveInteger('BENCH_CUSTOMERS', 100_000), timeoutMs: 120_000 },
    memory: {
      skip: process.env.BENCH_SKIP_MEMORY === '1',
      backlog: positiveInteger('BENCH_MEMORY_EVENTS', 1_000_000),
      seconds: positiveInteger('BENCH_MEMORY_SECONDS', 90),
    },
  };
}

const progress = (message) => process.stderr.write(`bench: ${message}\n`);

/** The drain at the product's default batch (Meta's 1,000 per request); a failure is reported as a row. */
async function benchDrain(app, database, sandbox, settings, concurrency) {
  progress(`${database.name}: ${settings.drain.events} events, ${concurrency} worker(s) then the Graph client alone`);
  const { fillPerSecond, result, template } = await measureDrain(app, sandbox, { ...settings.drain, concurrency, batchSize: DEFAULT_BATCH });
  return { database: database.name, concurrency, batchSize: DEFAULT_BATCH, fillPerSecond, result, template };
}

/** Meta's SDK-example approach on the drain's events, once per run (it needs no database). */
async function benchSdkDrain(app, sandbox, settings, template) {
  progress(`SDK: one EventRequest per event, ${settings.sdk.inFlight} in flight, up to ${settings.sdk.seconds} s`);
  const target = await pixelTarget(app.runtime);
  return measureSdkDrain(sandbox, template, target, { events: settings.drain.events, ...settings.sdk });
}

async function benchDatabase(database, sandbox, settings, withSdk) {
  const app = await startAppServer({ databaseUrl: database.url, graphUrl: sandbox.url });
  try {
    // Drain first: the ingest runs leave queued events behind that the drain's workers would pick up.
    const drains = [];
    for (const concurrency of settings.drain.concurrencies) drains.push(await benchDrain(app, database, sandbox, settings, concurrency));
    const sdk = withSdk ? await benchSdkDrain(app, sandbox, settings, drains.at(-1).template) : undefined;
    progress(`${database.name}: webhook ingest`);
    const ingest = { name: `app server, ${database.name}`, result: await measureAppIngest(app, settings.ingest) };
    return { ingest, drains, sdk };
  } finally {
    await app.close();
  }
}

/** On a database of its own: the other phases leave queued events its worker would deliver. */
async function benchEndToEnd(open, settings) {
  const { rate, durationMs } = settings.endToEnd;
  const database = await open();
  progress(`${database.name}: end to end, ${rate} webhooks/s for ${durationMs / 1000} s with the worker running`);
  try {
    return { database: database.name, result: await measureEndToEnd(database, settings.endToEnd) };
  } finally {
    await database.drop();
  }
}

async function main() {
  const settings = readSettings();
  const startedAt = new Date();
  const startLoad = os.loadavg()[0];
  const cpu = cpuCheck();
  const sandbox = await startSandboxThread();
  const ingest = [];
  const drains = [];
  const endToEnd = [];
  const notes = [];
  let sdk;
  let normalization;
  let memory;
  try {
    progress('baseline ingest (bare Fastify)');
    ingest.push({ name: 'bare Fastify (baseline)', result: await measureBaselineIngest(settings.ingest) });
    progress('baseline ingest (bare node:http)');
    ingest.push({ name: 'bare node:http', result: await measureNodeHttpBaselineIngest(settings.ingest) });
    for (const open of [async () => createSqliteDatabase(), createPostgresDatabase]) {
      const database = await open();
      if (database.unavailable) {
        notes.push(`${database.unavailable}: PostgreSQL rows skipped.`);
        continue;
      }
      try {
        const result = await benchDatabase(database, sandbox, settings, sdk === undefined);
        ingest.push(result.ingest);
        drains.push(...result.drains);
        sdk ??= result.sdk;
      } finally {
        await database.drop();
      }
      endToEnd.push(await benchEndToEnd(open, settings));
    }
    progress(`normalization: ${settings.normalization.customers} customers, core then the SDK`);
    normalization = await measureNormalization(settings.normalization).catch((error) => ({ failure: error.message }));
    if (settings.memory.skip) notes.push('BENCH_SKIP_MEMORY=1: worker memory row skipped.');
    else {
      progress(`worker memory: ${settings.memory.backlog} queued events (SQLite), worker process for up to ${settings.memory.seconds} s`);
      const database = createSqliteDatabase();
      try {
        memory = await measureWorkerMemory(database, sandbox, settings.memory);
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
      `End to end: signed orders/create at a steady ${settings.endToEnd.rate}/s (open loop: latency from each webhook's scheduled send time) to the Graph sandbox accepting its Purchase, delivery worker running, twin wait off. ratio = delivered events/s / offered webhooks/s`,
      endToEndTable(endToEnd),
      ...endToEnd.filter(({ result }) => result.failure).map(({ database, result }) => `!! end to end, ${database}: ${result.failure}`),
      '',
      'Delivery drain: queued Purchase events -> Graph sandbox (own thread), one request per worker round. ratio = workers / Graph client only; x SDK = workers / the SDK example (one EventRequest per event, 50 in flight)',
      drainTable(drains, sdk),
      ...drains.filter(({ result }) => result.failure).map(({ database, concurrency, batchSize, result }) => `!! ${database}, ${concurrency} worker(s), batch ${batchSize} failed: ${result.failure}`),
      ...(sdk?.failure ? [`!! SDK drain failed: ${sdk.failure}`] : []),
      '',
      'Normalization: user_data normalize + SHA-256 of varied customers (9 keys each), one process. ratio = core / the SDK (UserData setters + normalize())',
      normalizationTable(normalization),
      '',
      'Worker memory: the worker process (web/dist/worker-main.js) over a SQLite backlog; baseline = the same process with nothing queued. Target: peak under 300 MB',
      memoryTable(memory, settings.memory),
      ...notes.map((note) => `note: ${note}`),
      '',
      "Anchors, for context only: measured elsewhere (the team's perf-anchors research notes), not by this run",
      anchorsTable(),
      '',
    ].join('\n'),
  );
  const file = writeResultsFile(startedAt, { settings, loadAverage: { before: startLoad, after: os.loadavg()[0] }, cpu, ingest, endToEnd, drains, sdk, normalization, memory, notes });
  progress(`figures written to ${path.relative(process.cwd(), file)}`);
  return failed.length === 0 && drains.every(({ result }) => !result.failure) && endToEnd.every(({ result }) => !result.failure) && !sdk?.failure && !normalization?.failure && !memory?.failure;
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
