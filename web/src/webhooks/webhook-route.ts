/**
 * POST /api/webhooks: every topic of shopify.app.toml arrives here. The body is kept as raw bytes
 * (the HMAC covers the exact bytes), checked, parsed without losing big ids, then handed to the
 * topic handler. Shopify waits 5 s at most, so the handler only writes to the outbox.
 *
 * Status codes: 401 bad or missing HMAC (nothing stored, what app review checks), 413 body over
 * the limit, 400 missing headers, malformed JSON, or a delivery the HMAC does not vouch for (a body
 * that does not fit its topic or names another shop, a stale X-Shopify-Triggered-At), 500 when
 * storing failed for a reason a retry can mend (Shopify retries). A body no retry can mend (not a
 * JSON object, arithmetic beyond the safe range, a value the database refuses) is acknowledged as
 * unmappable with the reason logged, so Shopify does not resend it for 4 hours. Log lines carry
 * sizes, names and codes, never body text.
 */
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { describeFailure } from '@capi-relay/core';

import { failsOnEveryRetry } from '../server/describe-failure';
import { asRecord } from '../shopify/mappers/payload-reader';
import { parseShopifyJson } from '../shopify/mappers';
import { isValidWebhookSignature } from '../shopify/webhook-hmac';
import { checkBodyFitsDelivery, checkTriggeredAt } from './delivery-checks';
import { capLineItems } from './line-item-cap';
import { mayHoldUnstorable, storableText } from './storable-text';
import type { WebhookDelivery, WebhookHandler, WebhookOutcome } from './webhook-delivery';

export interface WebhookRouteOptions {
  /** Current app secret first, then the previous one during a rotation. */
  secrets: readonly string[];
  bodyLimit: number;
  isShopDomain: (domain: string) => boolean;
  handle: WebhookHandler;
  now: () => Date;
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
  const triggeredAt = header(request, 'x-shopify-triggered-at');
  // The delivery's fields on each of its lines; cheaper than a child logger for the one line most deliveries write.
  const log = deliveryLog(request.log, { topic, shop, webhookId });

  if (!isValidWebhookSignature(raw, header(request, 'x-shopify-hmac-sha256'), options.secrets)) {
    log.warn({ bytes: raw.length }, 'webhook rejected: HMAC does not match the app secret');
    return reply.code(401).send({ error: 'Invalid webhook signature' });
  }
  const missing = [
    ['X-Shopify-Topic', topic],
    ['X-Shopify-Shop-Domain', shop],
    ['X-Shopify-Webhook-Id', webhookId],
    ['X-Shopify-Triggered-At', triggeredAt],
  ].filter(([, value]) => !value);
  if (missing.length > 0 || !topic || !shop || !webhookId || !triggeredAt) {
    const names = missing.map(([name]) => name).join(', ');
    log.warn({ missing: names }, 'webhook rejected: missing headers');
    return reply.code(400).send({ error: `Missing headers: ${names}` });
  }
  if (!options.isShopDomain(shop)) {
    log.warn({}, 'webhook rejected: X-Shopify-Shop-Domain is not a shop domain');
    return reply.code(400).send({ error: 'X-Shopify-Shop-Domain is not a <name>.myshopify.com domain' });
  }
  const stale = checkTriggeredAt(triggeredAt, options.now());
  if (stale) return refuse(reply, log, stale);

  const text = raw.toString('utf8');
  let parsed: unknown;
  try {
    parsed = parseShopifyJson(text);
  } catch {
    // The parser's message quotes the body, which may hold customer data: log the size only.
    log.warn({ bytes: raw.length }, 'webhook rejected: body is not valid JSON');
    return reply.code(400).send({ error: 'Body is not valid JSON' });
  }
  if (!asRecord(parsed)) return acknowledgeUnmappable(reply, log, 'the body is not a JSON object');
  const misfit = checkBodyFitsDelivery(topic, shop, parsed);
  if (misfit) return refuse(reply, log, misfit);

  const storable = mayHoldUnstorable(text) ? storableText(parsed) : { value: parsed, replaced: 0 };
  if (storable.replaced > 0) log.warn({ strings: storable.replaced }, 'webhook body had NUL or unpaired surrogate characters; each became U+FFFD');
  const capped = capLineItems(storable.value);
  if (capped.droppedFrom !== undefined) log.warn({ lineItems: capped.droppedFrom }, 'webhook body has more line items than one delivery maps; the rest are not mapped');

  const delivery: WebhookDelivery = { topic, shop, webhookId, payload: capped.payload };
  let outcome: WebhookOutcome;
  try {
    outcome = await options.handle(delivery);
  } catch (error) {
    if (!failsOnEveryRetry(error)) throw error;
    return acknowledgeUnmappable(reply, log, 'storing it fails the same way on every retry', { error: describeFailure(error) });
  }
  // The delivery's one line: Fastify's own request lines are off for this route (server/request-log.ts).
  log.info({ ...outcome, statusCode: 200, responseTime: reply.elapsedTime }, 'webhook processed');
  return reply.code(200).send({ ok: true });
}

interface DeliveryLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

function deliveryLog(log: FastifyBaseLogger, delivery: Record<string, unknown>): DeliveryLog {
  return {
    info: (fields, message) => log.info({ ...delivery, ...fields }, message),
    warn: (fields, message) => log.warn({ ...delivery, ...fields }, message),
  };
}

/** A delivery Shopify cannot have sent as it is: nothing is stored or acted on. */
function refuse(reply: FastifyReply, log: DeliveryLog, reason: string) {
  log.warn({ reason }, 'webhook refused');
  return reply.code(400).send({ error: `Webhook refused: ${reason}` });
}

/** Signed by Shopify, but no redelivery can make it usable: 200, so Shopify stops resending it. */
function acknowledgeUnmappable(reply: FastifyReply, log: DeliveryLog, reason: string, fields: Record<string, unknown> = {}) {
  log.warn({ ...fields, action: 'unmappable', reason }, 'webhook payload cannot be mapped');
  return reply.code(200).send({ ok: true });
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}
