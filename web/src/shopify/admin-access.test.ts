import { Session } from '@shopify/shopify-api';
import { silentLogger } from '@capi-relay/core';

import { mintSessionToken } from '../../test/support/shopify-signing';
import { fakeTokenEndpoint } from '../../test/support/shopify-token-endpoint';
import { createAdminAccess, type OfflineSessionStorage } from './admin-access';
import { createShopifyApi } from './shopify-api';

const apiKey = 'test-api-key';
const secret = 'test-api-secret';
const shop = 'shop-a.myshopify.com';
const shopify = createShopifyApi({ apiKey, apiSecret: secret, appUrl: 'https://relay.example.com' }, silentLogger);
const sessionToken = () => mintSessionToken({ shop, apiKey, secret });

function memorySessions(): OfflineSessionStorage & { saved: Map<string, Session> } {
  const saved = new Map<string, Session>();
  return {
    saved,
    storeSession: async (session) => Boolean(saved.set(session.id, session)),
    loadSession: async (id) => saved.get(id),
  };
}

const NOW = new Date('2026-11-28T12:00:00Z');

describe('admin access', () => {
  let endpoint: ReturnType<typeof fakeTokenEndpoint> | undefined;
  afterEach(() => endpoint?.restore());

  it('exchanges a session token for an expiring offline token and stores it', async () => {
    endpoint = fakeTokenEndpoint(() => ({
      status: 200,
      body: { access_token: 'shpat_new', scope: 'read_orders', expires_in: 3600, refresh_token: 'shprt_1', refresh_token_expires_in: 7776000 },
    }));
    const sessions = memorySessions();
    const access = createAdminAccess({ shopify, sessions, logger: silentLogger, now: () => NOW });
    const token = sessionToken();

    const session = await access.offlineSession(shop, token);

    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.url).toBe(`https://${shop}/admin/oauth/access_token`);
    expect(endpoint.requests[0]?.body).toMatchObject({
      client_id: apiKey,
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: token,
      requested_token_type: 'urn:shopify:params:oauth:token-type:offline-access-token',
      expiring: '1',
    });
    expect(session).toMatchObject({ id: `offline_${shop}`, accessToken: 'shpat_new', refreshToken: 'shprt_1', isOnline: false });
    expect(sessions.saved.get(`offline_${shop}`)?.accessToken).toBe('shpat_new');
    await expect(access.state(shop)).resolves.toMatchObject({ status: 'ready', scope: 'read_orders' });
  });

  it('reuses a live stored token without calling Shopify', async () => {
    endpoint = fakeTokenEndpoint(() => ({ status: 500, body: {} }));
    const sessions = memorySessions();
    await sessions.storeSession(offline({ accessToken: 'shpat_live', expires: new Date(NOW.getTime() + 3_600_000) }));
    const access = createAdminAccess({ shopify, sessions, logger: silentLogger, now: () => NOW });

    await expect(access.offlineSession(shop)).resolves.toMatchObject({ accessToken: 'shpat_live' });
    expect(endpoint.requests).toHaveLength(0);
  });

  it('refreshes an expiring token with the refresh token, once for concurrent callers', async () => {
    endpoint = fakeTokenEndpoint(() => ({
      status: 200,
      body: { access_token: 'shpat_refreshed', scope: 'read_orders', expires_in: 3600, refresh_token: 'shprt_2', refresh_token_expires_in: 7776000 },
    }));
    const sessions = memorySessions();
    await sessions.storeSession(
      offline({ accessToken: 'shpat_old', expires: new Date(NOW.getTime() + 60_000), refreshToken: 'shprt_1', refreshTokenExpires: new Date(NOW.getTime() + 86_400_000) }),
    );
    const access = createAdminAccess({ shopify, sessions, logger: silentLogger, now: () => NOW });

    const [first, second] = await Promise.all([access.offlineSession(shop), access.offlineSession(shop)]);

    expect(endpoint.requests.map((request) => request.body)).toEqual([
      { client_id: apiKey, client_secret: secret, refresh_token: 'shprt_1', grant_type: 'refresh_token' },
    ]);
    expect(first.accessToken).toBe('shpat_refreshed');
    expect(second).toBe(first);
    expect(sessions.saved.get(`offline_${shop}`)?.refreshToken).toBe('shprt_2');
  });

  it('reports a refused exchange in merchant words, without tokens, and remembers it for health', async () => {
    endpoint = fakeTokenEndpoint(() => ({ status: 400, body: { error: 'invalid_subject_token', error_description: 'bad' } }));
    const access = createAdminAccess({ shopify, sessions: memorySessions(), logger: silentLogger, now: () => NOW });
    const token = sessionToken();

    const failure = access.offlineSession(shop, token);
    await expect(failure).rejects.toThrow('Shopify refused the token exchange (HTTP 400: invalid_subject_token).');
    await expect(access.state(shop)).resolves.toEqual({
      status: 'failed',
      message: 'Shopify refused the token exchange (HTTP 400: invalid_subject_token).',
      failedAt: NOW,
    });

    access.ensureInBackground(shop, token);
    await Promise.resolve();
    expect(endpoint.requests).toHaveLength(1);
  });

  it('says how to connect when there is neither a stored session nor a session token', async () => {
    const access = createAdminAccess({ shopify, sessions: memorySessions(), logger: silentLogger, now: () => NOW });
    await expect(access.state(shop)).resolves.toEqual({
      status: 'not_connected',
      message: 'Not connected to the Admin API yet: open the app in the Shopify admin once.',
    });
    await expect(access.offlineSession(shop)).rejects.toThrow('open the app in the Shopify admin once');
  });
});

function offline(fields: Partial<Session>): Session {
  return new Session({ id: `offline_${shop}`, shop, state: '', isOnline: false, scope: 'read_orders', ...fields });
}
