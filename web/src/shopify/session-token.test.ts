import { silentLogger } from '@capi-relay/core';

import { mintSessionToken } from '../../test/support/shopify-signing';
import { createSessionTokenVerifier } from './session-token';
import { createShopifyApi } from './shopify-api';

const apiKey = 'test-api-key';
const secret = 'test-api-secret';
const shop = 'shop-a.myshopify.com';
const verify = createSessionTokenVerifier(
  createShopifyApi({ apiKey, apiSecret: secret, appUrl: 'https://relay.example.com' }, silentLogger),
);
const bearer = (claims: Record<string, unknown> = {}, overrides: { secret?: string; now?: number } = {}) =>
  `Bearer ${mintSessionToken({ shop, apiKey, secret: overrides.secret ?? secret, now: overrides.now, claims })}`;

describe('session token verification', () => {
  it('accepts an App Bridge token and takes the shop from dest', async () => {
    const header = bearer({ sub: '7' });
    await expect(verify(header)).resolves.toEqual({
      valid: true,
      session: { shop, token: header.slice('Bearer '.length), userId: '7' },
    });
  });

  it.each([
    ['no header', undefined, 'missing_bearer_token'],
    ['another scheme', 'Basic abc', 'missing_bearer_token'],
    ['a token signed with another secret', bearer({}, { secret: 'other' }), 'invalid_token'],
    ['an expired token', bearer({}, { now: Math.floor(Date.now() / 1000) - 3600 }), 'invalid_token'],
    ['another app audience', bearer({ aud: 'other-app' }), 'invalid_token'],
    ['a destination that is not a shop', bearer({ dest: 'https://evil.example.com', iss: 'https://evil.example.com/admin' }), 'invalid_destination'],
    ['an issuer for another shop', bearer({ iss: 'https://shop-b.myshopify.com/admin' }), 'issuer_mismatch'],
  ])('rejects %s', async (_name, header, reason) => {
    await expect(verify(header)).resolves.toEqual({ valid: false, reason });
  });
});
