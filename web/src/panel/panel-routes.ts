/**
 * The admin panel at `/` with its assets. Opened from Shopify's admin (a `shop` query parameter),
 * the page carries App Bridge as Shopify requires (the API key meta tag, then App Bridge's script,
 * first in the head) and a `frame-ancestors` policy naming that shop and Shopify's admin. In
 * development without a shop it is the local preview for a development shop.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

import type { RunMode } from '../config/app-config';
import type { AppServices } from '../server/app-services';
import { HEAD_PLACEHOLDER, loadPanelBuild, type PanelBuild } from './panel-build';
import { PREVIEW_SHOP, PREVIEW_TOKEN_PATH, previewSessionRoute } from './preview-session';

export const APP_BRIDGE_SCRIPT = 'https://cdn.shopify.com/shopifycloud/app-bridge.js';

export interface PanelOptions {
  services: AppServices;
  mode: RunMode;
  shopify: { apiKey: string; apiSecret: string };
  /** Tests and custom layouts; defaults to admin-ui/dist. */
  build?: PanelBuild | null;
}

export async function panelRoutes(app: FastifyInstance, options: PanelOptions): Promise<void> {
  const build = options.build === undefined ? loadPanelBuild() : options.build;
  if (!build) options.services.logger.warn({}, 'admin panel not built (admin-ui/dist missing): GET / answers 503 until `npm run build`');
  if (options.mode === 'development') await previewSessionRoute(app, options.shopify);

  app.get<{ Querystring: { shop?: string } }>('/', async (request, reply) => {
    const shop = typeof request.query.shop === 'string' && options.services.isShopDomain(request.query.shop) ? request.query.shop : null;
    reply.header('content-security-policy', `frame-ancestors ${shop ? `https://${shop} https://admin.shopify.com` : "'none'"};`);
    if (!build) return unavailable(reply);
    const preview = options.mode === 'development' && shop === null;
    const head = preview ? previewHead() : embeddedHead(options.shopify.apiKey, shop);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(build.template.replace(HEAD_PLACEHOLDER, head));
  });

  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const asset = build?.assets.get(request.params.file);
    if (!asset) return reply.code(404).send({ error: 'Not found' });
    // Vite puts a content hash in every asset name, so a name never changes meaning.
    return reply.type(asset.contentType).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body);
  });
}

function embeddedHead(apiKey: string, shop: string | null): string {
  return [
    `<meta name="shopify-api-key" content="${escapeAttribute(apiKey)}" />`,
    `<script src="${APP_BRIDGE_SCRIPT}"></script>`,
    configTag({ mode: 'embedded', shop }),
  ].join('\n    ');
}

function previewHead(): string {
  return configTag({ mode: 'preview', shop: PREVIEW_SHOP, tokenPath: PREVIEW_TOKEN_PATH });
}

function configTag(config: object): string {
  // `<` escaped so no value can close the script element.
  return `<script type="application/json" id="capi-relay-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function unavailable(reply: FastifyReply) {
  return reply
    .code(503)
    .type('text/plain; charset=utf-8')
    .send('The admin panel has not been built. Run `npm run build` (or `npm start`, which builds it) and restart the server.');
}
