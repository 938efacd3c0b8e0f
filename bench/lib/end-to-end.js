/**
 * End to end: signed orders/create webhooks at a steady rate (open loop, 500 a second by default),
 * against the app server with its delivery worker running as `npm start` runs it, until each Purchase
 * has reached the Graph sandbox. A webhook's latency runs from its scheduled send time (so a server
 * that falls behind is charged for the queue it builds) to the moment the sandbox accepted its event.
 *
 * The twin wait is off (STITCH_WAIT_SECONDS=0): an order webhook with no storefront pixel report
 * would otherwise wait a minute for its browser half on purpose, which measures the setting, not the
 * pipeline. The run has its own database and sandbox (a sandbox that remembers every request), so
 * nothing left by the other phases is delivered with it.
 */
const { performance } = require('node:perf_hooks');

const { API_SECRET, SHOP, startAppServer } = require('./app-server');
const { runOpenLoad } = require('./load-client');
const { waitForQuiet } = require('./machine-load');
const { startSandboxThread } = require('./sandbox-thread');
const { percentile } = require('./stats');

/** Phase 80: clear of the ingest (1+) and drain (90+) phases' order ids. */
const PHASE = 80;
/** How long after the last webhook the worker may take to deliver what is still queued. */
const DRAIN_TAIL_MS = 30_000;

async function waitForDeliveries(sandbox, expected, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if ((await sandbox.totals()).eventsReceived >= expected) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/**
 * @param {{ url: string }} database a fresh database (see databases.js)
 * @param {{ rate: number, durationMs: number }} settings
 */
async function measureEndToEnd(database, { rate, durationMs }) {
  // Enough history for every request the worker makes (it sends at most once per event).
  const sandbox = await startSandboxThread({ historyLimit: Math.ceil((rate * durationMs) / 1000) + 100 });
  let app;
  try {
    app = await startAppServer({ databaseUrl: database.url, graphUrl: sandbox.url, env: { STITCH_WAIT_SECONDS: '0' } });
    const { runtime } = app;
    const worker = runtime.engine.createWorker({ outbox: runtime.db.outbox, pixels: runtime.db.pixels });
    worker.start();
    let load;
    let deliveredAll;
    try {
      await waitForQuiet();
      load = await runOpenLoad({ url: `${app.url}/api/webhooks`, secret: API_SECRET, shop: SHOP, phase: PHASE, rate, durationMs });
      const answered = load.statuses[200] ?? 0;
      deliveredAll = await waitForDeliveries(sandbox, answered, DRAIN_TAIL_MS);
    } finally {
      await worker.stop();
    }
    return summarize(load, new Map(await sandbox.accepted()), { rate, durationMs, deliveredAll, errors: app.errors });
  } finally {
    await app?.close();
    await sandbox.close();
  }
}

function summarize(load, acceptedAt, { rate, durationMs, deliveredAll, errors }) {
  const latencies = [];
  let missing = 0;
  let lastAccepted = 0;
  let firstScheduled = Number.POSITIVE_INFINITY;
  for (const [orderId, scheduledAt, status] of load.requests) {
    firstScheduled = Math.min(firstScheduled, scheduledAt);
    if (status !== 200) continue;
    const at = acceptedAt.get(`purchase:${orderId}`);
    if (at === undefined) {
      missing += 1;
      continue;
    }
    latencies.push(at - scheduledAt);
    lastAccepted = Math.max(lastAccepted, at);
  }
  const answered = load.statuses[200] ?? 0;
  const spanSeconds = (lastAccepted - firstScheduled) / 1000;
  return {
    rate,
    seconds: durationMs / 1000,
    issued: load.issued,
    answered,
    statuses: load.statuses,
    failures: load.failures,
    ackP50Ms: load.ackP50Ms,
    ackP99Ms: load.ackP99Ms,
    endToEndP50Ms: percentile(latencies, 50),
    endToEndP99Ms: percentile(latencies, 99),
    delivered: latencies.length,
    missing,
    /** Delivered events per second, first send to last arrival, over the offered rate: 1.00 keeps pace. */
    keptPace: spanSeconds > 0 ? latencies.length / spanSeconds / rate : Number.NaN,
    serverCpuMicrosPerWebhook: load.issued > 0 ? load.serverCpuMicros / load.issued : Number.NaN,
    load: load.load,
    failure:
      answered < load.issued || missing > 0 || !deliveredAll
        ? `${load.issued - answered} of ${load.issued} webhooks without a 200 (${JSON.stringify(load.statuses)}), ${missing} answered but not delivered within ${DRAIN_TAIL_MS / 1000} s of the last${errors[0] ? `; first error: ${errors[0]}` : ''}`
        : undefined,
  };
}

module.exports = { measureEndToEnd };
