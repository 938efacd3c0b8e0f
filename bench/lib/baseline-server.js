/**
 * The ingest baseline: a bare Fastify 5 server (the version the app uses) that answers 200 to the
 * webhook POST after Fastify's own JSON.parse of the body. No HMAC, no logging, no database: the cost
 * of HTTP and parsing alone on this machine, as anchor 2b measured it elsewhere.
 */
const { fromWeb } = require('./workspace');

/** The app's default webhook body limit, so both servers accept the same bodies. */
const BODY_LIMIT = 4 * 1024 * 1024;

async function startBaselineServer() {
  const Fastify = fromWeb('fastify');
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT });
  app.post('/api/webhooks', async () => ({ ok: true }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

module.exports = { startBaselineServer };
