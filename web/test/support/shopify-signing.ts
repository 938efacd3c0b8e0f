/**
 * Test doubles for what Shopify sends: webhook deliveries signed exactly as Shopify signs them, and
 * session tokens minted as App Bridge mints them (HS256 over the app secret), written with
 * node:crypto only so they do not share code with the server's verification path.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Shopify's published webhook payloads, kept in the repository (origins in SOURCES.md there). */
const FIXTURES_DIR = path.join(__dirname, '..', 'fixtures', 'shopify');

/** A fixture's raw bytes, untouched: big ids must survive to the server as Shopify wrote them. */
export function fixtureBody(file: string): string {
  return readFileSync(path.join(FIXTURES_DIR, file), 'utf8');
}

export interface WebhookDelivery {
  topic: string;
  shop: string;
  body: string;
  secret: string;
  webhookId?: string;
  /** Overrides the computed signature (bad-HMAC tests). */
  hmac?: string;
  /** X-Shopify-Triggered-At; now by default (older deliveries are refused as replays). */
  triggeredAt?: string;
}

export function webhookHeaders(delivery: WebhookDelivery): Record<string, string> {
  const hmac = delivery.hmac ?? createHmac('sha256', delivery.secret).update(delivery.body, 'utf8').digest('base64');
  return {
    'content-type': 'application/json',
    'x-shopify-topic': delivery.topic,
    'x-shopify-hmac-sha256': hmac,
    'x-shopify-shop-domain': delivery.shop,
    'x-shopify-api-version': '2026-07',
    'x-shopify-webhook-id': delivery.webhookId ?? randomUUID(),
    'x-shopify-triggered-at': delivery.triggeredAt ?? new Date().toISOString(),
    'x-shopify-event-id': randomUUID(),
  };
}

export interface SessionTokenOptions {
  shop: string;
  apiKey: string;
  secret: string;
  /** Unix seconds; defaults to the real clock (the library verifies against it). */
  now?: number;
  expiresIn?: number;
  userId?: string;
  /** Overrides individual claims (issuer/destination mismatch tests). */
  claims?: Record<string, unknown>;
}

export function mintSessionToken(options: SessionTokenOptions): string {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const payload = {
    iss: `https://${options.shop}/admin`,
    dest: `https://${options.shop}`,
    aud: options.apiKey,
    sub: options.userId ?? '42',
    exp: now + (options.expiresIn ?? 60),
    nbf: now,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID(),
    ...options.claims,
  };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  const signature = createHmac('sha256', options.secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

/**
 * An admin link's query as Shopify signs it: every parameter but `hmac`, sorted by name, joined as
 * `name=value` with `&`, HMAC-SHA256 in hex over the app secret.
 */
export function signAdminQuery(params: Record<string, string>, secret: string): Record<string, string> {
  const message = Object.keys(params)
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join('&');
  return { ...params, hmac: createHmac('sha256', secret).update(message, 'utf8').digest('hex') };
}
