import { silentLogger } from '@capi-relay/core';

import { offlineSession, testShopifyApi } from '../../test/support/admin-api-session';
import { fakeTokenEndpoint } from '../../test/support/shopify-token-endpoint';
import { fakeWebPixels } from '../../test/support/shopify-web-pixels';
import { allSetupSteps } from './setup-steps';
import { createShopCountryRead } from './shop-country';

const shop = 'shop-a.myshopify.com';
const shopify = testShopifyApi();
const session = offlineSession(shop, 'read_orders');

describe("the shop's country", () => {
  let endpoint: ReturnType<typeof fakeTokenEndpoint> | undefined;
  afterEach(() => endpoint?.restore());

  function setup() {
    const admin = fakeWebPixels();
    endpoint = fakeTokenEndpoint(admin.answer);
    const saved: [string, string | null][] = [];
    const stores = {
      ensureStore: async () => ({ id: 'store-1', platform: 'shopify' as const, domain: shop, installedAt: new Date(0), uninstalledAt: null, country: null, updatedAt: new Date(0) }),
      setCountry: async (storeId: string, country: string | null) => void saved.push([storeId, country]),
    };
    return { admin, saved, read: createShopCountryRead({ shopify, stores, logger: silentLogger }) };
  }

  it("reads the shop address's country from the Admin API and stores it on the store row", async () => {
    const { admin, saved, read } = setup();
    admin.countries.set(shop, 'DE');
    await expect(read(shop, session)).resolves.toBe('DE');
    expect(saved).toEqual([['store-1', 'DE']]);
    expect(admin.operations).toEqual(['CapiRelayShopCountry']);
    expect(endpoint?.requests[0]?.url).toBe(`https://${shop}/admin/api/2026-07/graphql.json`);
  });

  it('stores none for an address without a country, or with Shopify\'s "unknown region" code', async () => {
    const { admin, saved, read } = setup();
    await expect(read(shop, session)).resolves.toBeNull();
    admin.countries.set(shop, 'ZZ');
    await expect(read(shop, session)).resolves.toBeNull();
    expect(saved).toEqual([
      ['store-1', null],
      ['store-1', null],
    ]);
  });

  it('runs every post-install step even when another fails, and names each failure', async () => {
    const ran: string[] = [];
    const steps = allSetupSteps({
      webPixel: async () => {
        throw new Error('Shopify refused webPixelCreate: Settings are invalid');
      },
      shopCountry: async () => void ran.push('shopCountry'),
      other: async () => {
        throw new Error('timed out');
      },
    });
    await expect(steps(shop, session)).rejects.toThrow('webPixel: Shopify refused webPixelCreate: Settings are invalid; other: timed out');
    expect(ran).toEqual(['shopCountry']);
    await expect(allSetupSteps({ shopCountry: async () => 'DE' })(shop, session)).resolves.toBeUndefined();
  });
});
