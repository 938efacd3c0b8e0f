/**
 * What a unit test of an Admin API step needs: the app's Shopify library as the test app configures
 * it, and an offline session for a shop, as token exchange leaves one.
 */
import { Session, type Shopify } from '@shopify/shopify-api';
import { silentLogger } from '@capi-relay/core';

import { createShopifyApi } from '../../src/shopify/shopify-api';

export const testShopifyApi = (): Shopify => createShopifyApi({ apiKey: 'test-api-key', apiSecret: 'test-api-secret', appUrl: 'https://relay.example.com' }, silentLogger);

export function offlineSession(shop: string, scope: string): Session {
  return new Session({ id: `offline_${shop}`, shop, state: '', isOnline: false, accessToken: 'shpat_test', scope });
}
