/**
 * The admin panel's page and assets as the server serves them: App Bridge and frame-ancestors when
 * opened from Shopify's admin, the development preview and its token route in development only,
 * and a clear answer when admin-ui was not built.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { forEachDatabase } from '../../prisma/test/databases';
import { createHttpServer } from '../src/server/build-server';
import { loadPanelBuild } from '../src/panel/panel-build';
import { APP_BRIDGE_SCRIPT, panelRoutes } from '../src/panel/panel-routes';
import { mintPreviewToken, PREVIEW_SHOP, PREVIEW_TOKEN_PATH } from '../src/panel/preview-session';
import type { AppServices } from '../src/server/app-services';
import { API_KEY, API_SECRET, freshFixture, SHOP_A, SHOP_B } from './support/test-app';
import { useTestApp } from './support/use-test-app';

function writeBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capi-relay-panel-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<html><head><!--capi-relay-head--><script type="module" src="/assets/app-1a2b.js"></script></head><body></body></html>');
  writeFileSync(path.join(dir, 'assets', 'app-1a2b.js'), 'console.log("panel")');
  writeFileSync(path.join(dir, 'assets', 'notes.txt'), 'not an asset type');
  return dir;
}

const services = (overrides: Partial<AppServices> = {}) =>
  ({ isShopDomain: (domain: string) => domain.endsWith('.myshopify.com'), logger: { warn: jest.fn(), info: jest.fn(), error: jest.fn(), debug: jest.fn() }, ...overrides }) as unknown as AppServices;

async function serve(mode: 'development' | 'production', build: ReturnType<typeof loadPanelBuild>, appServices = services()) {
  const app = createHttpServer(false, { requestMs: 10_000, idleMs: 5_000 });
  await app.register(async (scope) => panelRoutes(scope, { services: appServices, mode, shopify: { apiKey: API_KEY, apiSecret: 'secret' }, build }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

describe('panel page', () => {
  let dir: string;
  beforeAll(() => {
    dir = writeBuild();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads App Bridge first in the head and lets only the requesting shop and Shopify admin frame it', async () => {
    const server = await serve('production', loadPanelBuild(dir));
    try {
      const response = await fetch(`${server.url}/?shop=${SHOP_A}&host=abc&embedded=1`);
      expect(response.headers.get('content-security-policy')).toBe(`frame-ancestors https://${SHOP_A} https://admin.shopify.com;`);
      const html = await response.text();
      expect(html.indexOf(`<meta name="shopify-api-key" content="${API_KEY}" />`)).toBe(html.indexOf('<head>') + '<head>'.length);
      expect(html).toContain(`<script src="${APP_BRIDGE_SCRIPT}"></script>`);
      expect(html).toContain(`{"mode":"embedded","shop":"${SHOP_A}"}`);
    } finally {
      await server.close();
    }
  });

  it('refuses framing when the shop is missing or not a shop domain, and never becomes the preview in production', async () => {
    const server = await serve('production', loadPanelBuild(dir));
    try {
      for (const query of ['', '?shop=evil.example.com', '?shop=a.myshopify.com%20https://evil.example.com']) {
        const response = await fetch(`${server.url}/${query}`);
        expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none';");
        expect(await response.text()).not.toContain('"mode":"preview"');
      }
      expect((await fetch(`${server.url}${PREVIEW_TOKEN_PATH}`, { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('is the development preview in development, with its token route', async () => {
    const server = await serve('development', loadPanelBuild(dir));
    try {
      const html = await (await fetch(`${server.url}/`)).text();
      expect(html).toContain(`"mode":"preview","shop":"${PREVIEW_SHOP}"`);
      expect(html).not.toContain(APP_BRIDGE_SCRIPT);
      const token = (await (await fetch(`${server.url}${PREVIEW_TOKEN_PATH}`, { method: 'POST' })).json()) as { token: string };
      expect(JSON.parse(Buffer.from(token.token.split('.')[1]!, 'base64url').toString())).toMatchObject({ dest: `https://${PREVIEW_SHOP}`, aud: API_KEY });
    } finally {
      await server.close();
    }
  });

  it('serves the built assets with long caching and nothing else', async () => {
    const server = await serve('production', loadPanelBuild(dir));
    try {
      const asset = await fetch(`${server.url}/assets/app-1a2b.js`);
      expect([asset.status, asset.headers.get('content-type'), asset.headers.get('cache-control')]).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable']);
      expect(await asset.text()).toBe('console.log("panel")');
      for (const missing of ['/assets/notes.txt', '/assets/..%2Findex.html', '/assets/nope.js']) expect((await fetch(`${server.url}${missing}`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('says how to build the panel when admin-ui/dist is missing', async () => {
    const appServices = services();
    const server = await serve('production', loadPanelBuild(path.join(dir, 'absent')), appServices);
    try {
      const response = await fetch(`${server.url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build');
      expect(appServices.logger.warn).toHaveBeenCalledWith({}, expect.stringContaining('admin panel not built'));
    } finally {
      await server.close();
    }
  });
});

forEachDatabase((t) => {
  const harness = useTestApp(t);

  it('never exchanges the development preview shop\'s tokens with Shopify', async () => {
    const admin = await harness().request('GET', '/api/health', { headers: { authorization: `Bearer ${mintPreviewToken(API_KEY, API_SECRET, Math.floor(Date.now() / 1000))}` } });
    expect(admin.json()).toMatchObject({ shop: PREVIEW_SHOP, adminApi: { status: 'not_connected', message: 'The development preview has no Shopify store to connect to.' } });
    expect(harness().tokenEndpoint.requests.filter((request) => request.url.includes(PREVIEW_SHOP))).toEqual([]);
  });

  it('answers match quality from key names only, for the token\'s own shop', async () => {
    await harness().configurePixel(SHOP_A);
    const empty = (await harness().admin(SHOP_A, 'GET', '/api/match-quality')).json() as Record<string, unknown>;
    expect(empty).toMatchObject({ counts: { sent: 0 }, keyCounts: {}, waitingForBrowser: 0 });
    expect(Date.parse(empty.until as string) - Date.parse(empty.since as string)).toBe(24 * 60 * 60 * 1000);
    expect((await harness().request('GET', '/api/match-quality')).statusCode).toBe(401);

    await harness().deliver('orders/create', freshFixture('orders-paid.capi-variant.json'));
    expect((await harness().worker.runOnce()).sent).toBe(1);
    const response = await harness().admin(SHOP_A, 'GET', '/api/match-quality');
    expect(response.json()).toMatchObject({ counts: { sent: 1 }, keyCounts: { em: 1, ph: 1, fn: 1, ln: 1, client_user_agent: 1 } });
    expect(response.body).not.toMatch(/jane|doe|example\.com|Mozilla/i);
    expect((await harness().admin(SHOP_B, 'GET', '/api/match-quality')).json()).toMatchObject({ counts: { sent: 0 }, keyCounts: {} });
  });
});
