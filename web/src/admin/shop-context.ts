/**
 * Admin API authentication: the session token App Bridge puts in `Authorization: Bearer`, verified
 * and turned into the shop's store row. The shop comes from the token's `dest`, never from the
 * request, so one shop's token cannot reach another shop's data.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoreRecord } from '@capi-relay/db';

import type { AppServices } from '../server/app-services';
import { PLATFORM } from '../webhooks/webhook-context';

export interface ShopContext {
  shop: string;
  store: StoreRecord;
  /** The verified token, for token exchange. */
  sessionToken: string;
}

const contexts = new WeakMap<FastifyRequest, ShopContext>();

/** The authenticated shop of a request that passed `requireShop`. */
export function shopOf(request: FastifyRequest): ShopContext {
  const context = contexts.get(request);
  if (!context) throw new Error('shopOf() called on a route without the requireShop hook');
  return context;
}

/**
 * Verifies the session token. Returns null (and answers 401) when it is missing or invalid; an absent
 * header is allowed when `optional`, for routes that also answer anonymously.
 */
export async function authenticateShop(
  services: AppServices,
  request: FastifyRequest,
  reply: FastifyReply,
  { optional = false } = {},
): Promise<ShopContext | null> {
  const authorization = request.headers.authorization;
  if (optional && authorization === undefined) return null;
  const check = await services.verifySessionToken(authorization);
  if (!check.valid) {
    request.log.info({ reason: check.reason }, 'admin request refused: session token');
    // App Bridge fetches a fresh session token and retries once when it sees this header.
    reply.code(401).header('X-Shopify-Retry-Invalid-Session-Request', '1').send({ error: 'Invalid or missing session token' });
    return null;
  }
  const { shop, token } = check.session;
  // A verified token means the app is open in this shop's admin: installed (again, after an uninstall).
  const store = await services.db.stores.markInstalled(PLATFORM, shop, services.now());
  services.adminAccess.ensureInBackground(shop, token);
  const context = { shop, store, sessionToken: token };
  contexts.set(request, context);
  return context;
}

/** onRequest hook for routes that need a shop. */
export function requireShop(services: AppServices) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const context = await authenticateShop(services, request, reply);
    // Returning the reply tells Fastify the 401 is the answer and the route must not run.
    return context ? undefined : reply;
  };
}
