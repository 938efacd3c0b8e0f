/**
 * POST /api/webhooks: every topic of shopify.app.toml arrives here. The body is kept as raw bytes
 * (the HMAC covers the exact bytes), checked, parsed without losing big ids, then handed to the
 * topic handler. Shopify waits 5 s at most, so the handler only writes to the outbox.
 *
 * Status codes: 401 bad or missing HMAC (nothing stored, what app review checks), 413 body over
 * the limit, 400 missing headers or malformed JSON, 500 when storing failed (Shopify retries).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { parseShopifyJson } from '../shopify/mappers';
import { isValidWebhookSignature } from '../shopify/webhook-hmac';
import type { WebhookHandler } from './webhook-delivery';

export interface WebhookRouteOptions {
  /** Current app secret first, then the previous one during a rotation. */
  secrets: readonly string[];
  bodyLimit: number;
  isShopDomain: (domain: string) => boolean;
  handle: WebhookHandler;
}

export const WEBHOOK_PATH = '/api/webhooks';

export async function webhookRoute(app: FastifyInstance, options: WebhookRouteOptions): Promise<void> {
  // Encapsulated: these parsers apply to this route only, so the admin API keeps Fastify's JSON parser.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: options.bodyLimit }, (_request, body, done) => done(null, body));

  app.post(WEBHOOK_PATH, { bodyLimit: options.bodyLimit }, async (request, reply) => handleDelivery(request, reply, options));
}

async function handleDelivery(request: FastifyRequest, reply: FastifyReply, options: WebhookRouteOptions) {
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const topic = header(request, 'x-shopify-topic');
  const shop = header(request, 'x-shopify-shop-domain')?.toLowerCase();
  const webhookId = header(request, 'x-shopify-webhook-id');
  const log = request.log.child({ topic, shop, webhookId });

  if (!isValidWebhookSignature(raw, header(request, 'x-shopify-hmac-sha256'), options.secrets)) {
    log.warn({ bytes: raw.length }, 'webhook rejected: HMAC does not match the app secret');
    return reply.code(401).send({ error: 'Invalid webhook signature' });
  }
  const missing = [
    ['X-Shopify-Topic', topic],
    ['X-Shopify-Shop-Domain', shop],
    ['X-Shopify-Webhook-Id', webhookId],
  ].filter(([, value]) => !value);
  if (missing.length > 0 || !topic || !shop || !webhookId) {
    const names = missing.map(([name]) => name).join(', ');
    log.warn({ missing: names }, 'webhook rejected: missing headers');
    return reply.code(400).send({ error: `Missing headers: ${names}` });
  }
  if (!options.isShopDomain(shop)) {
    log.warn('webhook rejected: X-Shopify-Shop-Domain is not a shop domain');
    return reply.code(400).send({ error: 'X-Shopify-Shop-Domain is not a myshopify.com domain' });
  }

  let payload: unknown;
  try {
    payload = parseShopifyJson(raw.toString('utf8'));
  } catch {
    // The parser's message quotes the body, which may hold customer data: log the size only.
    log.warn({ bytes: raw.length }, 'webhook rejected: body is not valid JSON');
    return reply.code(400).send({ error: 'Body is not valid JSON' });
  }

  const outcome = await options.handle({ topic, shop, webhookId, payload });
  log.info({ ...outcome }, 'webhook processed');
  return reply.code(200).send({ ok: true });
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}
