/**
 * GET /api/auth/callback: the redirect URL `shopify.app.toml` lists. With Shopify managed
 * installation and token exchange, Shopify does not send merchants here during install; a link that
 * does arrive (an old install link, a bookmark) is checked like every admin link, by the `hmac`
 * Shopify signs its query with, and sent on to the app inside the shop's admin, where the embedded
 * page sets up Admin API access.
 */
import type { FastifyInstance } from 'fastify';

import type { AppServices } from '../server/app-services';

export const AUTH_CALLBACK_PATH = '/api/auth/callback';

export async function authCallbackRoute(app: FastifyInstance, services: AppServices): Promise<void> {
  app.get<{ Querystring: Record<string, string> }>(AUTH_CALLBACK_PATH, async (request, reply) => {
    const { shop } = request.query;
    if (typeof shop !== 'string' || !services.isShopDomain(shop)) {
      request.log.info({ reason: 'shop' }, 'auth callback refused: no valid shop domain');
      return reply.code(400).send({ error: 'This link has no valid shop. Open CAPI Relay from your Shopify admin (Apps).' });
    }
    const verdict = await services.verifyAdminQuery(request.query);
    if (!verdict.valid) {
      request.log.info({ shop, reason: verdict.reason }, 'auth callback refused: query signature');
      return reply.code(400).send({ error: 'This link is not signed by Shopify, or it has expired. Open CAPI Relay from your Shopify admin (Apps).' });
    }
    return reply.redirect(`https://${shop}/admin/apps/${encodeURIComponent(services.apiKey)}`, 302);
  });
}
