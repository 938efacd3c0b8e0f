/**
 * Delivery drain: K queued Purchase rows (one planned through the engine as the orders/create
 * handler plans it, copied with their own order ids by backlog.js), delivered by the engine's workers
 * (`runOnce` rounds) to the Graph sandbox until none is due. The baseline sends the same events with
 * the same Graph client in requests of the same size, as many in flight as there were workers, and
 * no database.
 */
const { performance } = require('node:perf_hooks');

const { SHOP } = require('./app-server');
const { insertBacklog, purchaseTemplate } = require('./backlog');
const machine = require('./machine-load');
const { processCpuSince } = require('./stats');

/** Phases 90+ are the drain's, clear of the ingest runs' order ids. */
const FIRST_DRAIN_PHASE = 90;

let nextPhase = FIRST_DRAIN_PHASE;

/**
 * `workers` engine workers, each running rounds until one finds nothing due, bounded by `timeoutMs`.
 * A worker stops at a round whose claimed events did not all get an outcome (the worker logs the
 * batch's failure and leaves the events to their lease): carrying on would only repeat it.
 */
async function drainWithWorkers(runtime, { workers, batchSize, timeoutMs }) {
  const { db, engine } = runtime;
  const deadline = performance.now() + timeoutMs;
  const totals = { sent: 0, notSent: 0 };
  const runRounds = async (worker) => {
    while (performance.now() < deadline) {
      const counts = await worker.runOnce();
      const notSent = counts.retried + counts.failed + counts.expired + counts.held;
      totals.sent += counts.sent;
      totals.notSent += notSent;
      if (counts.claimed === 0 || counts.claimed > counts.sent + notSent) return;
    }
  };
  const started = performance.now();
  const team = Array.from({ length: workers }, () => engine.createWorker({ outbox: db.outbox, pixels: db.pixels }, { batchSize }));
  await Promise.all(team.map(runRounds));
  return { seconds: (performance.now() - started) / 1000, ...totals };
}

/** The same events through the same Graph client, `inFlight` requests of `batchSize` at a time. */
async function sendWithGraphClient(runtime, target, events, { inFlight, batchSize, timeoutMs }) {
  const deadline = performance.now() + timeoutMs;
  let next = 0;
  const totals = { sent: 0, notSent: 0 };
  const lane = async () => {
    while (next < events.length && performance.now() < deadline) {
      const batch = events.slice(next, next + batchSize);
      next += batchSize;
      const { results } = await runtime.engine.graph.sendEvents(target, batch);
      for (const result of results) {
        if (result.ok) totals.sent += 1;
        else totals.notSent += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, lane));
  return { seconds: (performance.now() - started) / 1000, ...totals };
}

/** The pixel target the workers resolve for the shop's one pixel (decrypted token included). */
async function pixelTarget(runtime) {
  const store = await runtime.db.stores.ensureStore('shopify', SHOP);
  const [pixel] = await runtime.db.pixels.listByStore(store.id);
  if (!pixel) throw new Error('drain: the shop has no pixel configured');
  const { pixelId, accessToken } = await runtime.services.settings.resolveTarget(pixel.id);
  return { pixelId, accessToken };
}

/**
 * Runs one side after a quiet moment. Adds what reached the sandbox, the other processes' load, and
 * this process's CPU without the sandbox thread's (both sides pay the sandbox the same).
 */
async function measured(sandbox, run) {
  await machine.waitForQuiet();
  const start = { machine: machine.snapshot(), cpu: process.cpuUsage(), sandbox: await sandbox.totals() };
  const result = await run();
  const sandboxAfter = await sandbox.totals();
  const sandboxCpu = sandboxAfter.cpuMicros === undefined ? Number.NaN : sandboxAfter.cpuMicros - start.sandbox.cpuMicros;
  return {
    ...result,
    received: sandboxAfter.eventsReceived - start.sandbox.eventsReceived,
    cpuMicros: processCpuSince(start.cpu) - sandboxCpu,
    load: machine.loadBetween(start.machine),
  };
}

function countQueued(runtime) {
  return runtime.db.client.outboxEvent.count({ where: { status: 'queued' } });
}

/** The workers' drain at one batch size, then the Graph client alone on the same events. */
async function compareAt(app, sandbox, events, { concurrency, batchSize, timeoutMs }) {
  const { runtime } = app;
  const queued = await countQueued(runtime);
  const errorsBefore = app.errors.length;
  const worker = await measured(sandbox, () => drainWithWorkers(runtime, { workers: concurrency, batchSize, timeoutMs }));
  if (worker.sent !== queued || worker.notSent > 0) {
    const reason = app.errors[errorsBefore] ?? (worker.seconds * 1000 >= timeoutMs ? `not done after ${timeoutMs / 1000} s` : 'no error logged');
    const stranded = worker.received - worker.sent;
    return {
      failure:
        `${worker.sent} of ${queued} marked sent; ${reason.replace(/\.$/, '')}. ` +
        `${stranded} events reached the sandbox without being marked sent: they stay leased and are sent again when the lease runs out.`,
    };
  }
  if (worker.received !== worker.sent) throw new Error(`drain: workers marked ${worker.sent} sent but ${worker.received} reached the sandbox`);

  const target = await pixelTarget(runtime);
  const baseline = await measured(sandbox, () => sendWithGraphClient(runtime, target, events, { inFlight: concurrency, batchSize, timeoutMs }));
  if (baseline.sent !== events.length || baseline.received !== events.length) {
    throw new Error(`drain: the Graph client sent ${baseline.sent} of ${events.length}, ${baseline.received} reached the sandbox`);
  }
  return {
    events: worker.sent,
    workerPerSecond: worker.sent / worker.seconds,
    baselinePerSecond: events.length / baseline.seconds,
    workerCpuMicrosPerEvent: worker.cpuMicros / worker.sent,
    baselineCpuMicrosPerEvent: baseline.cpuMicros / events.length,
    /** The busier of the two sides' measurements. */
    load: busier(worker.load, baseline.load),
  };
}

function busier(a, b) {
  if (!a || !b) return a ?? b;
  return a.otherCores >= b.otherCores ? a : b;
}

/**
 * Queues K events, then drains them with the workers and compares with the Graph client sending the
 * same events alone.
 *
 * @param app the running app server (see app-server.js)
 * @returns {{ fillPerSecond: number, result: object, template: object }} (the template, for the SDK's copies)
 */
async function measureDrain(app, sandbox, { events: count, concurrency, batchSize, timeoutMs }) {
  const template = await purchaseTemplate(app.runtime, nextPhase++);
  const fillSeconds = await insertBacklog(app.runtime.db, template, count);
  const events = Array.from({ length: count }, (_, index) => template.payloadOf(index));
  const result = await compareAt(app, sandbox, events, { concurrency, batchSize, timeoutMs });
  return { fillPerSecond: count / fillSeconds, result, template };
}

module.exports = { measureDrain, pixelTarget };
