/**
 * The Shopify app server under test, started in this process as the web tests start it: production
 * configuration through `loadConfig`, `buildServer`, a loopback listener, and a pixel saved through
 * `PUT /api/settings` with a session token. The delivery worker is not started: the ingest phase
 * measures webhooks alone and the drain phase runs its own workers.
 */
const os = require('node:os');
const { Writable } = require('node:stream');

const { sessionToken } = require('./shopify-requests');
const { built, fromWeb } = require('./workspace');

const API_KEY = 'bench-api-key';
const API_SECRET = 'bench-api-secret';
const SHOP = 'bench-shop.myshopify.com';
const PIXEL_ID = '123456789012345';
const META_TOKEN = `EAAB${'x'.repeat(60)}`;

/** Error lines kept for the report; the rest are discarded. */
const MAX_KEPT_ERRORS = 20;

/**
 * Log lines are produced at the production level (info), so serializing them is part of the cost,
 * then dropped; error lines are kept as "message: last line of the error" for the report.
 */
function logSink() {
  const errors = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      if (errors.length < MAX_KEPT_ERRORS && (chunk.includes('"level":50') || chunk.includes('"level":60'))) errors.push(summarizeErrorLine(chunk));
      done();
    },
  });
  return { stream, errors };
}

function summarizeErrorLine(chunk) {
  let line;
  try {
    line = JSON.parse(chunk.toString('utf8').split('\n')[0]);
  } catch {
    return 'an error line that is not JSON';
  }
  const detail = typeof line.error === 'string' ? line.error : JSON.stringify(line.error ?? '');
  const lastLine = detail.trim().split('\n').pop() ?? '';
  return `${line.msg}: ${lastLine.slice(0, 200)}`;
}

/**
 * Token exchange, which the admin call starts in the background, would reach the shop's real
 * domain; it is answered here, at the Shopify library's fetch seam, so nothing leaves the machine.
 */
function keepShopifyOffline() {
  const runtime = fromWeb('@shopify/shopify-api/runtime');
  const original = runtime.abstractFetch;
  runtime.setAbstractFetchFunc(async () =>
    Response.json({ access_token: 'shpat_bench', scope: 'read_orders', expires_in: 3600, refresh_token: 'shprt_bench', refresh_token_expires_in: 7_776_000 }),
  );
  return () => runtime.setAbstractFetchFunc(original);
}

/**
 * @param env extra environment for loadConfig (the end-to-end phase sets STITCH_WAIT_SECONDS)
 * @returns {Promise<{ url: string, runtime: object, errors: string[], close(): Promise<void> }>}
 */
async function startAppServer({ databaseUrl, graphUrl, env = {} }) {
  const { loadConfig } = built('web', 'config/load-config');
  const { buildServer } = built('web', 'server/build-server');
  const { loggerOptions } = built('web', 'server/logger-options');
  const { config } = loadConfig(
    {
      NODE_ENV: 'production',
      SHOPIFY_API_KEY: API_KEY,
      SHOPIFY_API_SECRET: API_SECRET,
      SHOPIFY_APP_URL: 'https://relay.example.com',
      ENCRYPTION_KEY: 'ab'.repeat(32),
      DATABASE_URL: databaseUrl,
      META_GRAPH_URL: graphUrl,
      ...env,
    },
    os.tmpdir(),
  );
  const restoreShopify = keepShopifyOffline();
  const logs = logSink();
  let app;
  let runtime;
  try {
    ({ app, runtime } = await buildServer({ config, logger: loggerOptions('info', logs.stream) }));
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    await configurePixel(url);
    return {
      url,
      runtime,
      errors: logs.errors,
      async close() {
        await app.close();
        await runtime.close();
        restoreShopify();
      },
    };
  } catch (error) {
    await app?.close();
    await runtime?.close();
    restoreShopify();
    throw error;
  }
}

async function configurePixel(baseUrl) {
  const response = await fetch(`${baseUrl}/api/settings`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${sessionToken({ shop: SHOP, apiKey: API_KEY, secret: API_SECRET })}`,
      'content-type': 'application/json',
      'user-agent': 'Mozilla/5.0 (benchmark admin)',
    },
    body: JSON.stringify({ pixelId: PIXEL_ID, accessToken: META_TOKEN }),
  });
  if (response.status !== 200) throw new Error(`configuring the pixel failed: ${response.status} ${await response.text()}`);
}

module.exports = { startAppServer, API_SECRET, SHOP, PIXEL_ID };
