/** The redirect URL listed in shopify.app.toml exists and only follows links Shopify signed. */
import type { AddressInfo } from 'node:net';
import { forEachDatabase } from '../../prisma/test/databases';
import { signAdminQuery } from './support/shopify-signing';
import { API_KEY, API_SECRET, SHOP_A } from './support/test-app';
import { useTestApp } from './support/use-test-app';

forEachDatabase((t) => {
  const harness = useTestApp(t);
  // The redirect is read, not followed to Shopify.
  const get = async (query: Record<string, string>) => {
    const { port } = harness().app.server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/api/auth/callback?${new URLSearchParams(query).toString()}`, { redirect: 'manual' });
    return { statusCode: response.status, location: response.headers.get('location'), json: (await response.json().catch(() => null)) as unknown };
  };
  const now = () => String(Math.floor(Date.now() / 1000));

  it("sends a Shopify-signed link on to the app in the shop's admin", async () => {
    const response = await get(signAdminQuery({ shop: SHOP_A, host: 'c2hvcC1hLm15c2hvcGlmeS5jb20vYWRtaW4', timestamp: now() }, API_SECRET));
    expect(response.statusCode).toBe(302);
    expect(response.location).toBe(`https://${SHOP_A}/admin/apps/${API_KEY}`);
  });

  it('refuses a link signed with another secret, an unsigned one, and one without a valid shop', async () => {
    expect((await get(signAdminQuery({ shop: SHOP_A, timestamp: now() }, 'not-the-secret'))).statusCode).toBe(400);
    expect((await get({ shop: SHOP_A, timestamp: now() })).statusCode).toBe(400);
    const badShop = await get(signAdminQuery({ shop: 'evil.example.com', timestamp: now() }, API_SECRET));
    expect(badShop.statusCode).toBe(400);
    expect(badShop.json).toEqual({ error: expect.stringContaining('no valid shop') });
    expect(harness().logs.filter((line) => String(line.msg).startsWith('auth callback refused'))).toHaveLength(3);
  });
});
