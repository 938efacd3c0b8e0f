/**
 * The development preview's sign-in: session tokens for a development shop, minted as App Bridge
 * mints them (HS256 over the app secret) so the admin API verifies them like any other. Registered
 * only when the server runs in development mode; with NODE_ENV=production the route does not exist.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

import type { AppServices } from '../server/app-services';
import { AdminAccessError, type AdminAccess } from '../shopify/admin-access';

export const PREVIEW_SHOP = 'development-shop.myshopify.com';
export const PREVIEW_TOKEN_PATH = '/api/development/session-token';

const TOKEN_LIFETIME_S = 60;

export function mintPreviewToken(apiKey: string, apiSecret: string, nowSeconds: number): string {
  const claims = {
    iss: `https://${PREVIEW_SHOP}/admin`,
    dest: `https://${PREVIEW_SHOP}`,
    aud: apiKey,
    sub: 'development-preview',
    exp: nowSeconds + TOKEN_LIFETIME_S,
    nbf: nowSeconds,
    iat: nowSeconds,
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', apiSecret).update(unsigned).digest('base64url')}`;
}

export async function previewSessionRoute(app: FastifyInstance, shopify: { apiKey: string; apiSecret: string }): Promise<void> {
  app.post(PREVIEW_TOKEN_PATH, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { token: mintPreviewToken(shopify.apiKey, shopify.apiSecret, Math.floor(Date.now() / 1000)) };
  });
}

const NO_STORE = 'The development preview has no Shopify store to connect to.';

/**
 * The services with Admin API access left out for the preview shop: its tokens are ours, so a token
 * exchange would only send them to whatever store might carry that name.
 */
export function withPreviewShop(services: AppServices): AppServices {
  const real = services.adminAccess;
  const adminAccess: AdminAccess = {
    offlineSession: (shop, sessionToken) => (shop === PREVIEW_SHOP ? Promise.reject(new AdminAccessError(NO_STORE)) : real.offlineSession(shop, sessionToken)),
    ensureInBackground: (shop, sessionToken) => {
      if (shop !== PREVIEW_SHOP) real.ensureInBackground(shop, sessionToken);
    },
    state: (shop) => (shop === PREVIEW_SHOP ? Promise.resolve({ status: 'not_connected', message: NO_STORE }) : real.state(shop)),
    settle: () => real.settle(),
  };
  return { ...services, adminAccess };
}
