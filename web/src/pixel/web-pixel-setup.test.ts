import { silentLogger } from '@capi-relay/core';

import { offlineSession, testShopifyApi } from '../../test/support/admin-api-session';
import { fakeTokenEndpoint } from '../../test/support/shopify-token-endpoint';
import { fakeWebPixels } from '../../test/support/shopify-web-pixels';
import { createWebPixelSetup } from './web-pixel-setup';

const shop = 'shop-a.myshopify.com';
const shopify = testShopifyApi();
const session = offlineSession(shop, 'read_orders,write_pixels,read_customer_events');

describe('web pixel setup', () => {
  let endpoint: ReturnType<typeof fakeTokenEndpoint> | undefined;
  afterEach(() => endpoint?.restore());

  function setup(key = 'key-1') {
    const webPixels = fakeWebPixels();
    endpoint = fakeTokenEndpoint(webPixels.answer);
    const stores = { ensureStore: async () => ({ id: 'store-1', platform: 'shopify' as const, domain: shop, installedAt: new Date(0), uninstalledAt: null, country: null, updatedAt: new Date(0) }), pixelKeyFor: async () => key };
    return { webPixels, stores };
  }

  it('creates the pixel with the ingest URL and the shop key, then leaves it alone while they hold', async () => {
    const { webPixels, stores } = setup();
    const ensure = createWebPixelSetup({ shopify, stores, appUrl: 'https://relay.example.com/', logger: silentLogger });
    await expect(ensure(shop, session)).resolves.toBe('created');
    expect(JSON.parse(webPixels.pixels.get(shop)?.settings ?? '{}')).toEqual({ ingestUrl: 'https://relay.example.com/api/pixel', shopKey: 'key-1' });
    expect(endpoint?.requests.map((request) => request.url)).toEqual([`https://${shop}/admin/api/2026-07/graphql.json`, `https://${shop}/admin/api/2026-07/graphql.json`]);

    await expect(ensure(shop, session)).resolves.toBe('unchanged');
    expect(webPixels.operations).toEqual(['CapiRelayWebPixel', 'CapiRelayWebPixelCreate', 'CapiRelayWebPixel']);
  });

  it('updates the pixel when the app moved to another URL', async () => {
    const { webPixels, stores } = setup();
    await createWebPixelSetup({ shopify, stores, appUrl: 'https://old.example.com', logger: silentLogger })(shop, session);
    await expect(createWebPixelSetup({ shopify, stores, appUrl: 'https://relay.example.com', logger: silentLogger })(shop, session)).resolves.toBe('updated');
    expect(webPixels.operations.at(-1)).toBe('CapiRelayWebPixelUpdate');
    expect(JSON.parse(webPixels.pixels.get(shop)?.settings ?? '{}')).toMatchObject({ ingestUrl: 'https://relay.example.com/api/pixel' });
  });

  it("reports Shopify's refusal with its message", async () => {
    const { stores } = setup();
    endpoint?.restore();
    endpoint = fakeTokenEndpoint((request) =>
      /Create/.test(String((request.body as unknown as { query: string }).query))
        ? { status: 200, body: { data: { webPixelCreate: { userErrors: [{ code: 'INVALID_SETTINGS', field: ['settings'], message: 'Settings are invalid' }], webPixel: null } } } }
        : { status: 200, body: { data: { webPixel: null }, errors: [{ message: 'No web pixel was found for this app.' }] } },
    );
    await expect(createWebPixelSetup({ shopify, stores, appUrl: 'https://relay.example.com', logger: silentLogger })(shop, session)).rejects.toThrow('Shopify refused webPixelCreate: Settings are invalid');
  });
});
