/**
 * Shopify, as the suite needs it: signed webhook deliveries that are retried until they get a 200
 * (as Shopify does, with the same X-Shopify-Webhook-Id), and App Bridge-style session tokens.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { API_KEY, API_SECRET } from './processes';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'web', 'test', 'fixtures', 'shopify');
export const FIXTURE_ORDER_ID = '820982911946154508';

const ORDER_FIXTURE = readFileSync(path.join(FIXTURES, 'orders-paid.capi-variant.json'), 'utf8');

/** The order fixture on `shop`, timestamps now, with its own order id. */
export function orderBody(shop: string, orderId: string): string {
  return ORDER_FIXTURE.split('jsmith.myshopify.com')
    .join(shop)
    .replace(/"(created_at|updated_at|processed_at)": "[^"]+"/g, `"$1": "${new Date().toISOString()}"`)
    .split(FIXTURE_ORDER_ID)
    .join(orderId);
}

const CART_FIXTURE = JSON.parse(readFileSync(path.join(FIXTURES, 'carts-create.json'), 'utf8')) as { line_items: Record<string, unknown>[] };

/** The cart fixture's first line only, `quantity` of it, as the cart stood at `at` (carts do not name their shop). */
export function cartBody(token: string, quantity: number, at: Date): string {
  const line = { ...CART_FIXTURE.line_items[0], quantity };
  return JSON.stringify({ ...CART_FIXTURE, id: token, token, line_items: [line], created_at: at.toISOString(), updated_at: at.toISOString() });
}

export function signedHeaders(topic: string, shop: string, body: string, webhookId: string = randomUUID()): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-shopify-topic': topic,
    'x-shopify-hmac-sha256': createHmac('sha256', API_SECRET).update(body, 'utf8').digest('base64'),
    'x-shopify-shop-domain': shop,
    'x-shopify-webhook-id': webhookId,
    'x-shopify-triggered-at': new Date().toISOString(),
  };
}

/** Shopify retries 8 times over 4 hours; the suite retries faster and more often, within its run. */
const MAX_ATTEMPTS = 40;

export interface DeliveryResult {
  status: number;
  /** Attempts until the answer (1 when the first was answered 200). */
  attempts: number;
  /** Milliseconds to the first answer of any kind. */
  firstAckMs: number;
}

/**
 * Delivers until a 200 or a 4xx (a refusal is final), retrying what got no answer or a 5xx; `urls`
 * are tried in turn, as a load balancer in front of several app processes would.
 */
export async function deliverLikeShopify(urls: () => string[], topic: string, shop: string, body: string, webhookId: string = randomUUID()): Promise<DeliveryResult> {
  const headers = signedHeaders(topic, shop, body, webhookId);
  let firstAckMs = -1;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const candidates = urls();
    const url = candidates[attempt % candidates.length];
    const started = performance.now();
    try {
      const response = await fetch(`${url}/api/webhooks`, { method: 'POST', headers, body, signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (firstAckMs < 0) firstAckMs = performance.now() - started;
      if (response.status < 500) return { status: response.status, attempts: attempt, firstAckMs };
    } catch {
      // No answer (the process was restarting, or 5 s passed): Shopify retries.
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * Math.min(attempt, 10)));
  }
  return { status: 0, attempts: MAX_ATTEMPTS, firstAckMs };
}

export function sessionToken(shop: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: `https://${shop}/admin`, dest: `https://${shop}`, aud: API_KEY, sub: '1', exp: now + 300, nbf: now - 5, iat: now, jti: randomUUID(), sid: randomUUID() };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', API_SECRET).update(unsigned).digest('base64url')}`;
}

export async function adminCall(url: string, shop: string, method: string, route: string, body?: unknown): Promise<{ status: number; json: unknown; text: string }> {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { authorization: `Bearer ${sessionToken(shop)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}
