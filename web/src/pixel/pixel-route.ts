/**
 * POST /api/pixel: the storefront pixel's reports. Public by nature (the pixel runs in shoppers'
 * browsers and its settings are readable there), so nothing in the request is trusted for identity:
 * the pixel key the app issued names the shop, and the shop the report claims must be that one.
 * The extension posts `text/plain` (a CORS "simple request": no preflight, so `keepalive` posts survive
 * page unloads); any storefront origin may post, without credentials.
 *
 * Status codes: 202 recorded, 400 not JSON or not a report, 403 unknown key or a shop that is not the
 * key's, 413 body over the cap, 429 too many reports from one address. Log lines carry sizes, field
 * names and outcomes, never the body.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { StoreRecord } from '@capi-relay/db';

import { ShopifyPayloadError } from '../shopify/mappers';
import { clientAddress } from './client-address';
import type { RateLimiter } from './rate-limiter';
import type { PixelOutcome } from './record-pixel-report';
import { type PixelReport, readPixelReport } from './pixel-report';

export const PIXEL_PATH = '/api/pixel';

/** A report is an event envelope with a checkout's lines at most: 64 KiB holds hundreds of them. */
export const PIXEL_BODY_LIMIT = 64 * 1024;

export interface PixelRouteOptions {
  trustProxy: boolean;
  rateLimiter: RateLimiter;
  findStoreByKey: (key: string) => Promise<StoreRecord | null>;
  record: (store: StoreRecord, report: PixelReport, clientIp: string | undefined) => Promise<PixelOutcome>;
  now: () => Date;
}

export async function pixelRoute(app: FastifyInstance, options: PixelRouteOptions): Promise<void> {
  // Encapsulated: this route reads every body as text, whatever content type a browser labels it with.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: PIXEL_BODY_LIMIT }, (_request, body, done) => done(null, body));
  // On every answer of this route, errors included, or the browser hides them from the pixel.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
  });
  app.post(PIXEL_PATH, { bodyLimit: PIXEL_BODY_LIMIT }, async (request, reply) => handleReport(request, reply, options));
}

async function handleReport(request: FastifyRequest, reply: FastifyReply, options: PixelRouteOptions) {
  const clientIp = clientAddress(request, options.trustProxy);
  const body = typeof request.body === 'string' ? request.body : '';
  const log = request.log.child({ route: PIXEL_PATH });
  if (!options.rateLimiter.allow(clientIp ?? 'unknown', options.now())) {
    log.warn('pixel report refused: too many reports from this address');
    return reply.code(429).send({ error: 'Too many reports from this address; try again in a minute.' });
  }

  let report: PixelReport;
  try {
    report = readPixelReport(JSON.parse(body), options.now());
  } catch (error) {
    if (error instanceof ShopifyPayloadError) {
      log.warn({ bytes: body.length, field: error.field, problem: error.problem }, 'pixel report refused: a field cannot be used');
      return reply.code(400).send({ error: `Pixel report field ${error.field} ${error.problem}` });
    }
    // JSON.parse's message quotes the body: log the size only.
    log.warn({ bytes: body.length }, 'pixel report refused: body is not valid JSON');
    return reply.code(400).send({ error: 'Body is not valid JSON' });
  }

  const store = await options.findStoreByKey(report.key);
  if (!store || store.domain !== report.shop) {
    log.warn({ event: report.event, reason: store ? 'shop is not the key\'s' : 'unknown pixel key' }, 'pixel report refused: shop and key do not match');
    return reply.code(403).send({ error: 'Unknown pixel key for this shop' });
  }
  const outcome = await options.record(store, report, clientIp);
  log.info({ shop: store.domain, ...outcome }, 'pixel report recorded');
  return reply.code(202).send({ ok: true });
}
