/**
 * What Shopify sends, for the benchmark's client: `orders/create` bodies built from the repository's
 * fixture (a distinct order id per request, timestamps moved to now), signed as Shopify signs
 * webhooks, and an App Bridge-style session token for the one admin call that configures the pixel.
 *
 * The web tests have the same helpers in web/test/support, but those are TypeScript outside the
 * build, so the compiled benchmark cannot import them; this is the minimum it needs, in plain JS.
 */
const { createHmac, randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const { SHOPIFY_FIXTURES_DIR } = require('./workspace');

const ORDER_FIXTURE = 'orders-paid.capi-variant.json';
/** The fixture's order id, as written in it (in `id` and `admin_graphql_api_id`). */
const FIXTURE_ORDER_ID = '820982911946154508';

/** The shop the fixture's storefront URLs name; the server refuses a body naming another shop. */
const FIXTURE_SHOP = 'jsmith.myshopify.com';

/**
 * The fixture's raw text with its timestamps set to `at` and its storefront URLs on `shop`, split
 * around the order id so each request only joins strings: the body keeps every other byte (and the
 * big ids) as Shopify wrote them.
 */
function orderTemplate(at = new Date(), shop = FIXTURE_SHOP) {
  const raw = readFileSync(path.join(SHOPIFY_FIXTURES_DIR, ORDER_FIXTURE), 'utf8').split(FIXTURE_SHOP).join(shop);
  const fresh = raw.replace(/"(created_at|updated_at|processed_at)": "[^"]+"/g, `"$1": "${at.toISOString()}"`);
  const parts = fresh.split(FIXTURE_ORDER_ID);
  if (parts.length < 2) throw new Error(`${ORDER_FIXTURE} no longer contains order id ${FIXTURE_ORDER_ID}`);
  return parts;
}

/** The order body for one order id (digits only, up to 19 of them like Shopify's ids). */
function orderBody(template, orderId) {
  return template.join(orderId);
}

/**
 * Order ids for one phase: an 18-digit number whose leading digits name the phase, so phases
 * sharing one database never produce the same Purchase event_id.
 */
function orderIdFor(phase, sequence) {
  return `8${String(phase).padStart(2, '0')}${String(sequence).padStart(15, '0')}`;
}

function webhookHeaders({ topic, shop, body, secret, webhookId = randomUUID() }) {
  return {
    'content-type': 'application/json',
    'x-shopify-topic': topic,
    'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body, 'utf8').digest('base64'),
    'x-shopify-shop-domain': shop,
    'x-shopify-api-version': '2026-07',
    'x-shopify-webhook-id': webhookId,
    'x-shopify-triggered-at': new Date().toISOString(),
    'x-shopify-event-id': randomUUID(),
  };
}

/** HS256 over the app secret, with the claims Shopify's library checks; valid for a minute. */
function sessionToken({ shop, apiKey, secret }) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: apiKey,
    sub: '42',
    exp: now + 60,
    nbf: now,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

module.exports = { orderTemplate, orderBody, orderIdFor, webhookHeaders, sessionToken };
