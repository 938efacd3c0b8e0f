/**
 * Regression tests for the defects found from outside (issue 11), on SQLite and PostgreSQL: signed
 * bodies replayed across tenants, topics and time; bodies no retry can mend; oversized carts;
 * sessions sealed under an old key; shop domain spellings; session tokens without `exp`.
 */
import { createSecretBox, generateSecretBoxKey } from '@capi-relay/core';

import { forEachDatabase } from '../../prisma/test/databases';
import { fixtureBody, mintSessionToken } from './support/shopify-signing';
import { API_KEY, API_SECRET, freshFixture, SHOP_A, SHOP_B } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const ORDER_ID = '820982911946154508';

forEachDatabase((t) => {
  const harness = useTestApp(t);
  const db = () => harness().runtime.db;
  const redactBody = (shop: string) => fixtureBody('shop-redact.json').replace('{shop}.myshopify.com', shop);
  const eventCount = async (shop: string) => {
    const store = await db().stores.findStore('shopify', shop);
    return store ? db().client.outboxEvent.count({ where: { storeId: store.id } }) : 0;
  };
  const lastRefusal = () => harness().logs.filter((line) => line.msg === 'webhook refused').at(-1);
  const lastUnmappable = () => harness().logs.filter((line) => line.msg === 'webhook payload cannot be mapped').at(-1);

  describe('a signed body replayed under other headers', () => {
    it('refuses shop B\'s shop/redact sent as shop A, and shop A keeps its data', async () => {
      await harness().configurePixel(SHOP_A);
      await harness().deliver('orders/create', freshFixture('orders-paid.capi-variant.json'));

      const response = await harness().deliver('shop/redact', redactBody(SHOP_B), { shop: SHOP_A });

      expect(response.statusCode).toBe(400);
      expect(lastRefusal()).toMatchObject({ shop: SHOP_A, reason: 'the body names another shop than X-Shopify-Shop-Domain' });
      await expect(db().stores.findStore('shopify', SHOP_A)).resolves.not.toBeNull();
      expect(await eventCount(SHOP_A)).toBe(1);
      await expect(db().compliance.listRequests('shopify', SHOP_A)).resolves.toEqual([]);
    });

    it('refuses an orders/create body sent as app/uninstalled, and the pixel keeps sending', async () => {
      await harness().configurePixel(SHOP_A);
      const response = await harness().deliver('app/uninstalled', freshFixture('orders-paid.capi-variant.json'));
      expect(response.statusCode).toBe(400);
      expect(lastRefusal()).toMatchObject({ reason: 'the body is not a app/uninstalled payload' });
      const [pixel] = await db().pixels.listByStore((await db().stores.findStore('shopify', SHOP_A))!.id);
      expect(pixel?.stoppedAt).toBeNull();
    });

    it('refuses shop B\'s order sent as shop A: B\'s customer never reaches A\'s pixel', async () => {
      await harness().configurePixel(SHOP_A);
      const response = await harness().deliver('orders/create', freshFixture('orders-paid.capi-variant.json', new Date(), SHOP_B), { shop: SHOP_A });
      expect(response.statusCode).toBe(400);
      expect(await eventCount(SHOP_A)).toBe(0);
    });

    it('refuses a delivery triggered longer ago than Shopify retries', async () => {
      const sixHoursAgo = new Date(Date.now() - 6 * 60 * 60 * 1000).toISOString();
      const response = await harness().deliver('orders/create', freshFixture('orders-paid.capi-variant.json'), { triggeredAt: sixHoursAgo });
      expect(response.statusCode).toBe(400);
      expect(lastRefusal()?.reason).toMatch(/older than Shopify retries/);
      await expect(db().stores.findStore('shopify', SHOP_A)).resolves.toBeNull();
    });

    it('keeps delivery ids apart per shop: shop B\'s delivery is not a redelivery of shop A\'s', async () => {
      await harness().configurePixel(SHOP_A);
      await harness().configurePixel(SHOP_B);
      const order = (shop: string) => freshFixture('orders-paid.capi-variant.json', new Date(), shop);
      await harness().deliver('orders/create', order(SHOP_A), { shop: SHOP_A, webhookId: 'same-id' });
      await harness().deliver('orders/create', order(SHOP_B), { shop: SHOP_B, webhookId: 'same-id' });
      expect([await eventCount(SHOP_A), await eventCount(SHOP_B)]).toEqual([1, 1]);
    });
  });

  describe('bodies no retry can mend are acknowledged with the reason, never quoted', () => {
    it('a JSON string body', async () => {
      const body = JSON.stringify(JSON.stringify({ email: 'jane.doe@example.com', id: 1 }));
      const response = await harness().deliver('orders/create', body);
      expect(response.statusCode).toBe(200);
      expect(lastUnmappable()).toMatchObject({ reason: 'the body is not a JSON object' });
      expect(JSON.stringify(harness().logs)).not.toContain('jane.doe');
    });

    it('cart lines whose quantities sum past 2^53', async () => {
      const huge = String(Number.MAX_SAFE_INTEGER);
      const cart = JSON.parse(freshFixture('carts-create.json')) as { line_items: Record<string, unknown>[] };
      const line = { ...cart.line_items[0], quantity: '__Q__' };
      const body = JSON.stringify({ ...cart, line_items: [line, line] }).split('"__Q__"').join(huge);
      const response = await harness().deliver('carts/create', body);
      expect(response.statusCode).toBe(200);
      expect(lastUnmappable()).toBeDefined();
      expect(await eventCount(SHOP_A)).toBe(0);
    });

    it('NUL and lone surrogates in ids and tokens are stored as U+FFFD, not retried forever', async () => {
      await harness().configurePixel(SHOP_A);
      const order = freshFixture('orders-paid.capi-variant.json').split(`"${ORDER_ID}"`).join('"82098\\u00001"');
      const cart = freshFixture('carts-create.json').split('"exampleCartId"').join('"cart\\ud800token"');
      expect((await harness().deliver('orders/create', order)).statusCode).toBe(200);
      expect((await harness().deliver('carts/create', cart)).statusCode).toBe(200);
      const store = await db().stores.findStore('shopify', SHOP_A);
      await expect(db().carts.get(store!.id, 'cart\uFFFDtoken')).resolves.not.toBeNull();
      expect(harness().logs.filter((line) => line.msg?.toString().startsWith('webhook body had NUL'))).toHaveLength(1);
    });
  });

  it('caps the line items one delivery maps, and says so', async () => {
    await harness().configurePixel(SHOP_A);
    const cart = JSON.parse(freshFixture('carts-create.json')) as { line_items: Record<string, unknown>[] };
    const template = cart.line_items[0]!;
    const lines = Array.from({ length: 800 }, (_, index) => ({ ...template, key: `line-${index}` }));
    const response = await harness().deliver('carts/create', JSON.stringify({ ...cart, line_items: lines }));
    expect(response.statusCode).toBe(200);
    expect(await eventCount(SHOP_A)).toBe(500);
    expect(harness().logs.find((line) => line.msg?.toString().startsWith('webhook body has more line items'))).toMatchObject({ lineItems: 800 });
  });

  it('deletes sessions sealed under an earlier ENCRYPTION_KEY on app/uninstalled and shop/redact', async () => {
    const oldKeySessions = db().createSessionStore(createSecretBox(generateSecretBoxKey()));
    for (const shop of [SHOP_A, SHOP_B]) {
      await oldKeySessions.storeSession({ id: `offline_${shop}`, shop, state: 's', isOnline: false, accessToken: 'shpat_sealed_under_the_old_key' });
    }
    const uninstall = fixtureBody('app-uninstalled.json');
    expect((await harness().deliver('app/uninstalled', uninstall, { shop: SHOP_A })).statusCode).toBe(200);
    expect((await harness().deliver('shop/redact', redactBody(SHOP_B), { shop: SHOP_B })).statusCode).toBe(200);
    expect(await db().client.session.count()).toBe(0);
  });

  describe('only <name>.myshopify.com is a shop', () => {
    it.each(['shop-a.myshopify.com/', 'admin.shopify.com'])('refuses a webhook for %j', async (shop) => {
      const response = await harness().deliver('shop/redact', redactBody(shop), { shop });
      expect(response.statusCode).toBe(400);
      expect(await db().client.store.count()).toBe(0);
    });

    it('refuses a session token for admin.shopify.com', async () => {
      const token = mintSessionToken({ shop: 'admin.shopify.com', apiKey: API_KEY, secret: API_SECRET });
      const response = await harness().request('GET', '/api/settings', { headers: { authorization: `Bearer ${token}` } });
      expect(response.statusCode).toBe(401);
      expect(await db().client.store.count()).toBe(0);
    });
  });

  it('refuses a session token without exp', async () => {
    const token = mintSessionToken({ shop: SHOP_A, apiKey: API_KEY, secret: API_SECRET, claims: { exp: undefined } });
    const response = await harness().request('GET', '/api/settings', { headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(401);
    expect(harness().logs.find((line) => line.reason === 'missing_expiry')).toBeDefined();
  });
});
