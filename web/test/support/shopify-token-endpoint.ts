/**
 * Shopify's OAuth token endpoint (`https://<shop>/admin/oauth/access_token`), faked at
 * @shopify/shopify-api's fetch seam so token exchange and refresh never leave the machine.
 */
import { abstractFetch, setAbstractFetchFunc } from '@shopify/shopify-api/runtime';

export interface TokenRequest {
  url: string;
  body: Record<string, string>;
}

export type TokenAnswer = (request: TokenRequest) => { status: number; body: object };

export const grantOfflineToken: TokenAnswer = (request) => ({
  status: 200,
  body: {
    access_token: `shpat_${request.body.grant_type === 'refresh_token' ? 'refreshed' : 'exchanged'}`,
    scope: 'read_orders',
    expires_in: 3600,
    refresh_token: 'shprt_test',
    refresh_token_expires_in: 7_776_000,
  },
});

export function fakeTokenEndpoint(answer: TokenAnswer = grantOfflineToken) {
  const requests: TokenRequest[] = [];
  const original = abstractFetch;
  setAbstractFetchFunc(async (input, init) => {
    const request = { url: String(input), body: JSON.parse(String(init?.body)) as Record<string, string> };
    requests.push(request);
    const { status, body } = answer(request);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return { requests, restore: () => setAbstractFetchFunc(original) };
}
