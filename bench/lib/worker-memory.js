/**
 * Worker memory with a large backlog: a million queued Purchase rows in SQLite (backlog.js), drained
 * by the real worker process (`node web/dist/worker-main.js`, what `npm run worker` runs) against the
 * Graph sandbox, its resident set read from /proc while it works. The baseline is the same worker
 * process over the same database with nothing queued. The drain is bounded in time: at a few
 * thousand events a second a million would take minutes, and what the backlog could cost, holding
 * it in memory, shows from the first rounds on.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const { API_SECRET, startAppServer } = require('./app-server');
const { insertBacklog, purchaseTemplate } = require('./backlog');
const machine = require('./machine-load');
const { ROOT } = require('./workspace');

/** The memory phase's order ids, clear of the drain's (90+) and the ingest's. */
const MEMORY_PHASE = 89;
const SAMPLE_MS = 200;
const IDLE_SECONDS = 3;

/** VmRSS and VmHWM (the peak) of a process, in bytes; undefined once it is gone. */
function residentSet(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** The environment `npm run worker` reads, as the app server under test was configured. */
function workerEnvironment(databaseUrl, graphUrl) {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    SHOPIFY_API_KEY: 'bench-api-key',
    SHOPIFY_API_SECRET: API_SECRET,
    SHOPIFY_APP_URL: 'https://relay.example.com',
    ENCRYPTION_KEY: 'ab'.repeat(32),
    DATABASE_URL: databaseUrl,
    META_GRAPH_URL: graphUrl,
  };
}

/**
 * Runs the worker process until `done()` or `seconds` pass, sampling its resident set; then stops it
 * as an operator would (SIGTERM: it finishes the round in flight).
 */
async function runWorkerProcess(environment, seconds, done = () => false) {
  const child = spawn(process.execPath, [path.join(ROOT, 'web', 'dist', 'worker-main.js')], { env: environment, stdio: ['ignore', 'ignore', 'pipe'] });
  machine.ownProcess(child.pid);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 4_000) stderr += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const started = performance.now();
  let sample = { rss: 0, peak: 0 };
  let exit;
  exited.then((status) => (exit = status));
  while (exit === undefined && performance.now() - started < seconds * 1000 && !(await done())) {
    sample = residentSet(child.pid) ?? sample;
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
  }
  sample = residentSet(child.pid) ?? sample;
  const elapsed = (performance.now() - started) / 1000;
  child.kill('SIGTERM');
  const status = await exited;
  machine.forgetProcess(child.pid);
  return { peakBytes: sample.peak, lastRssBytes: sample.rss, seconds: elapsed, exit: status, stderr };
}

/**
 * @param database a fresh SQLite database (databases.js)
 * @returns {{ backlog, fillPerSecond, idle, drain, drained } | { failure }}
 */
async function measureWorkerMemory(database, sandbox, { backlog, seconds }) {
  const environment = workerEnvironment(database.url, sandbox.url);
  // The app server migrates the database and saves the pixel, as in the drain; it stays idle.
  const app = await startAppServer({ databaseUrl: database.url, graphUrl: sandbox.url });
  let idle;
  let fillSeconds;
  try {
    const template = await purchaseTemplate(app.runtime, MEMORY_PHASE);
    idle = await runWorkerProcess(environment, IDLE_SECONDS);
    // Setup of a throwaway database: no fsync per statement, and a cache that holds the indexes.
    await app.runtime.db.sql.run('PRAGMA synchronous = OFF');
    await app.runtime.db.sql.run('PRAGMA cache_size = -262144');
    fillSeconds = await insertBacklog(app.runtime.db, template, backlog);
  } finally {
    await app.close();
  }

  await machine.waitForQuiet();
  const start = { machine: machine.snapshot(), sandbox: await sandbox.totals() };
  const received = async () => (await sandbox.totals()).eventsReceived - start.sandbox.eventsReceived;
  const drain = await runWorkerProcess(environment, seconds, async () => (await received()) >= backlog);
  const delivered = await received();
  const load = machine.loadBetween(start.machine);
  if (drain.exit !== 0) return { failure: `the worker process ended with ${drain.exit}: ${drain.stderr.trim().split('\n').pop() ?? ''}` };
  if (delivered === 0) return { failure: `the worker delivered nothing in ${seconds} s` };
  return {
    backlog,
    fillPerSecond: backlog / fillSeconds,
    idlePeakBytes: idle.peakBytes,
    peakBytes: drain.peakBytes,
    delivered,
    seconds: drain.seconds,
    load,
  };
}

module.exports = { measureWorkerMemory };
