/**
 * Webhook ingest: signed orders/create POSTs at a fixed concurrency, against the app server and
 * against the bare-Fastify baseline, with the same client. For the app server it also checks that
 * every 200 left a queued Purchase in the outbox, so a fast but lossy server cannot look good.
 */
const { API_SECRET, SHOP } = require('./app-server');
const { startBaselineServer, startNodeHttpBaselineServer } = require('./baseline-server');
const { runLoad } = require('./load-client');
const { waitForQuiet } = require('./machine-load');

/** Distinct order ids per load run (they share a database with the drain phase). */
let nextPhase = 1;

async function load(baseUrl, settings) {
  await waitForQuiet();
  return runLoad({ ...settings, url: `${baseUrl}/api/webhooks`, secret: API_SECRET, shop: SHOP, phase: nextPhase++ });
}

async function measureBaselineIngest(settings, start = startBaselineServer) {
  const server = await start();
  try {
    return await load(server.url, settings);
  } finally {
    await server.close();
  }
}

/** @param app the running app server (see app-server.js) */
async function measureAppIngest(app, settings) {
  const queuedBefore = await countQueuedPurchases(app.runtime);
  const result = await load(app.url, settings);
  const stored = (await countQueuedPurchases(app.runtime)) - queuedBefore;
  if (stored !== result.acceptedTotal) {
    throw new Error(`ingest: ${result.acceptedTotal} webhooks answered 200 but ${stored} Purchase events were queued`);
  }
  return result;
}

function countQueuedPurchases(runtime) {
  return runtime.db.client.outboxEvent.count({ where: { status: 'queued', eventName: 'Purchase' } });
}

/** The same load against a bare node:http server (see baseline-server.js). */
function measureNodeHttpBaselineIngest(settings) {
  return measureBaselineIngest(settings, startNodeHttpBaselineServer);
}

module.exports = { measureBaselineIngest, measureNodeHttpBaselineIngest, measureAppIngest };
