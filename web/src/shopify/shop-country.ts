/**
 * The shop's own country, read from the Admin GraphQL API (`shop.shopAddress.countryCodeV2`, the
 * store address in the merchant's Shopify settings; `billingAddress` before 2026-01) whenever the app
 * connects, and stored on the store row. It is where the merchant's business is, so it decides
 * which consent rules the business follows, and therefore the default of the consent policy for
 * events without a consent signal. A buyer's address would name only one order's buyer. No extra
 * scope is needed: any Admin API token may read the shop.
 */
import type { Session, Shopify } from '@shopify/shopify-api';
import type { Logger } from '@capi-relay/core';
import type { StoreRegistry } from '@capi-relay/db';

import { PLATFORM } from '../webhooks/webhook-context';

export type ShopCountryRead = (shop: string, session: Session) => Promise<string | null>;

interface Options {
  shopify: Shopify;
  stores: Pick<StoreRegistry, 'ensureStore' | 'setCountry'>;
  logger: Logger;
}

const SHOP_COUNTRY = `query CapiRelayShopCountry { shop { shopAddress { countryCodeV2 } } }`;

interface ShopCountryQuery {
  shop: { shopAddress: { countryCodeV2: string | null } | null } | null;
}

export function createShopCountryRead({ shopify, stores, logger }: Options): ShopCountryRead {
  return async (shop, session) => {
    const client = new shopify.clients.Graphql({ session });
    const answer = await client.request<ShopCountryQuery>(SHOP_COUNTRY);
    const reported = answer.data?.shop?.shopAddress?.countryCodeV2 ?? null;
    // Shopify's CountryCode enum has ZZ for "unknown region": as good as none.
    const country = reported !== null && /^[A-Z]{2}$/.test(reported) && reported !== 'ZZ' ? reported : null;
    const store = await stores.ensureStore(PLATFORM, shop);
    await stores.setCountry(store.id, country);
    logger.info({ shop, country }, "shop's country read");
    return country;
  };
}
