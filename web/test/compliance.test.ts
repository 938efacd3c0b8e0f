/**
 * app/uninstalled and the mandatory privacy webhooks, on SQLite and PostgreSQL, with Shopify's
 * published payloads (their ids pointed at the data the test created).
 */
import { forEachDatabase } from '../../prisma/test/databases';
import { fixtureBody } from './support/shopify-signing';
import { freshFixture, SHOP_A, SHOP_B } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const ORDER_ID = '820982911946154508';
const ORDER_CUSTOMER = '115310627314723954';

forEachDatabase((t) => {
  const harness = useTestApp(t);

  const db = () => harness().runtime.db;
  const eventIds = async (shop: string) => {
    const store = await db().stores.findStore('shopify', shop);
    if (!store) return [];
    return (await db().outbox.listEvents({ storeId: store.id, limit: 100 })).map((row) => row.eventId).sort();
  };
  /** Shopify's payload for the topic, for our shop and with the ids we choose. */
  const compliancePayload = (file: string, shop: string, replacements: [string, string][] = []) =>
    replacements.reduce((body, [from, to]) => body.split(from).join(to), fixtureBody(file).replace('{shop}.myshopify.com', shop));

  /** An order for ORDER_CUSTOMER, a checkout for another customer and a cart, all for shop A. */
  const seedShopA = async () => {
    await harness().configurePixel(SHOP_A);
    await harness().deliver('orders/create', freshFixture('orders-paid.capi-variant.json'));
    await harness().deliver('checkouts/create', freshFixture('checkouts-create.capi-variant.json'));
    await harness().deliver('carts/create', freshFixture('carts-create.json'));
  };

  it('answers 401 to a compliance webhook with a bad HMAC and does nothing', async () => {
    await seedShopA();
    const response = await harness().deliver('shop/redact', compliancePayload('shop-redact.json', SHOP_A), { hmac: 'AAAA' });
    expect(response.statusCode).toBe(401);
    expect(await eventIds(SHOP_A)).toHaveLength(3);
    await expect(db().compliance.listRequests('shopify', SHOP_A)).resolves.toEqual([]);
  });

  it('customers/redact deletes the customer\'s rows and the listed orders, and keeps the evidence', async () => {
    await seedShopA();
    const before = await eventIds(SHOP_A);

    const byCustomer = compliancePayload('customers-redact.json', SHOP_A, [['191167', ORDER_CUSTOMER]]);
    expect((await harness().deliver('customers/redact', byCustomer)).statusCode).toBe(200);
    expect(await eventIds(SHOP_A)).toEqual(before.filter((id) => id !== `purchase:${ORDER_ID}`));

    const [request] = await db().compliance.listRequests('shopify', SHOP_A);
    expect(request).toMatchObject({ topic: 'customers/redact', customerRef: ORDER_CUSTOMER, outcome: 'deleted 1 event(s) for the customer and 3 listed order(s)' });
    expect(request?.completedAt).toBeInstanceOf(Date);
  });

  it('customers/redact finds a guest\'s order by the listed order ids', async () => {
    await seedShopA();
    const byOrder = compliancePayload('customers-redact.json', SHOP_A, [['299938', ORDER_ID]]);
    await harness().deliver('customers/redact', byOrder);
    expect(await eventIds(SHOP_A)).not.toContain(`purchase:${ORDER_ID}`);
    expect(await eventIds(SHOP_A)).toHaveLength(2);
  });

  it('customers/data_request is recorded with its request id and answered 200', async () => {
    const response = await harness().deliver('customers/data_request', compliancePayload('customers-data_request.json', SHOP_A));
    expect(response.statusCode).toBe(200);
    await expect(db().compliance.listRequests('shopify', SHOP_A)).resolves.toEqual([
      expect.objectContaining({ topic: 'customers/data_request', requestId: '9999', customerRef: '191167' }),
    ]);
  });

  it('app/uninstalled stops sending and deletes the shop\'s sessions; a new session token reinstalls', async () => {
    await seedShopA();
    // Opening the app stored an offline session by token exchange.
    await harness().admin(SHOP_A, 'GET', '/api/health');
    expect(await harness().runtime.services.sessions.findSessionsByShop(SHOP_A)).toHaveLength(1);

    expect((await harness().deliver('app/uninstalled', fixtureBody('app-uninstalled.json'))).statusCode).toBe(200);
    expect(await harness().runtime.services.sessions.findSessionsByShop(SHOP_A)).toEqual([]);
    expect((await db().stores.findStore('shopify', SHOP_A))?.uninstalledAt).toBeInstanceOf(Date);
    // Redelivered: still fine.
    expect((await harness().deliver('app/uninstalled', fixtureBody('app-uninstalled.json'))).statusCode).toBe(200);

    // Events queued before the uninstall are held, not sent.
    await harness().worker.runOnce();
    expect(harness().sandbox.received).toEqual([]);

    const health = (await harness().admin(SHOP_A, 'GET', '/api/health')).json() as { pixel: { sending: boolean; message: string } };
    expect((await db().stores.findStore('shopify', SHOP_A))?.uninstalledAt).toBeNull();
    expect(health.pixel).toMatchObject({ sending: false, message: expect.stringContaining('The app was uninstalled from this store.') });
    await harness().configurePixel(SHOP_A);
    await harness().worker.runOnce();
    expect(harness().sandbox.received.flatMap((request) => request.events.map((event) => event.event_name))).toEqual(['Purchase']);
  });

  it('shop/redact deletes everything the shop owns and nothing of other shops', async () => {
    await seedShopA();
    await harness().configurePixel(SHOP_B);
    await harness().deliver('orders/create', freshFixture('orders-paid.capi-variant.json', new Date(), SHOP_B), { shop: SHOP_B });
    await harness().admin(SHOP_A, 'GET', '/api/health');

    const response = await harness().deliver('shop/redact', compliancePayload('shop-redact.json', SHOP_A));
    expect(response.statusCode).toBe(200);

    await expect(db().stores.findStore('shopify', SHOP_A)).resolves.toBeNull();
    expect(await harness().runtime.services.sessions.findSessionsByShop(SHOP_A)).toEqual([]);
    expect(await eventIds(SHOP_B)).toEqual([`purchase:${ORDER_ID}`]);
    const [request] = await db().compliance.listRequests('shopify', SHOP_A);
    expect(request).toMatchObject({ topic: 'shop/redact', outcome: 'deleted the store with 3 event(s) and 1 session(s)' });

    // Redelivered after the data is gone: acknowledged and recorded again.
    expect((await harness().deliver('shop/redact', compliancePayload('shop-redact.json', SHOP_A))).statusCode).toBe(200);
  });
});
