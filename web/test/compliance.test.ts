/**
 * app/uninstalled and the mandatory privacy webhooks, on SQLite and PostgreSQL, with Shopify's
 * published payloads (their ids pointed at the data the test created).
 */
import { sha256Hex } from '@capi-relay/core/testing';
import { forEachDatabase, TABLES } from '../../prisma/test/databases';
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

  /**
   * For shop A: an order for ORDER_CUSTOMER, the checkout it came from (same checkout and cart tokens,
   * another customer id on the checkout), and an unrelated cart.
   */
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
    // The order's checkout goes with it: it names the same checkout, so it holds the same shopper's context.
    expect(await eventIds(SHOP_A)).toEqual(before.filter((id) => id.startsWith('add_to_cart:exampleCartId:')));

    const [request] = await db().compliance.listRequests('shopify', SHOP_A);
    expect(request).toMatchObject({
      topic: 'customers/redact',
      customerRef: ORDER_CUSTOMER,
      outcome: 'deleted 2 event(s), 0 cart snapshot(s) and 0 data export(s) for the customer and 3 listed order(s)',
    });
    expect(request?.completedAt).toBeInstanceOf(Date);
  });

  it('customers/redact finds a guest\'s order by the listed order ids', async () => {
    await seedShopA();
    const byOrder = compliancePayload('customers-redact.json', SHOP_A, [['299938', ORDER_ID]]);
    await harness().deliver('customers/redact', byOrder);
    expect(await eventIds(SHOP_A)).toEqual([expect.stringMatching(/^add_to_cart:exampleCartId:/)]);
  });

  it("customers/redact for a guest's order leaves nothing of that order in any table, and everything of the other shop", async () => {
    await seedShopA();
    await harness().configurePixel(SHOP_B);
    await harness().deliver('orders/create', freshFixture('orders-paid.capi-variant.json', new Date(), SHOP_B), { shop: SHOP_B });
    await harness().deliver('checkouts/create', freshFixture('checkouts-create.capi-variant.json', new Date(), SHOP_B), { shop: SHOP_B });
    await harness().worker.runOnce();
    const storeB = (await db().stores.findStore('shopify', SHOP_B))!;
    // What the order left behind: its id, cart and checkout tokens, the buyer's IP and email hash.
    const traces = [ORDER_ID, 'c1-7a2abe82733a34e84aa472d57fb5c3c1', 'bd5a8aa1ecd019dd3520ff791ee3a24c', '203.0.113.42', sha256Hex('jane.doe@example.com')];
    const rowsWithTraces = async () => {
      const found: { table: string; storeId: unknown; outboxEventId: unknown }[] = [];
      for (const table of TABLES) {
        const rows = (await db().client.$queryRawUnsafe(`SELECT * FROM "${table}"`)) as Record<string, unknown>[];
        for (const row of rows) {
          const text = JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
          // An OutboxPayload row's id is its event's.
          const outboxEventId = table === 'OutboxPayload' ? row.id : row.outboxEventId;
          if (traces.some((trace) => text.includes(trace))) found.push({ table, storeId: row.storeId, outboxEventId });
        }
      }
      return found;
    };
    expect((await rowsWithTraces()).some(({ storeId }) => storeId !== storeB.id)).toBe(true);

    await harness().deliver('customers/redact', compliancePayload('customers-redact.json', SHOP_A, [['299938', ORDER_ID], ['191167', '1']]));

    const remaining = await rowsWithTraces();
    // Shop B's own copies stay: its events, their payloads and delivery attempts (joined to B's events), its carts.
    const storeBEvents = new Set((await db().client.outboxEvent.findMany({ where: { storeId: storeB.id }, select: { id: true } })).map((row) => row.id));
    const ofShopB = ({ storeId, outboxEventId }: (typeof remaining)[number]) => storeId === storeB.id || storeBEvents.has(outboxEventId as string);
    for (const row of remaining) expect({ ...row, ofShopB: ofShopB(row) }).toEqual({ ...row, ofShopB: true });
    expect(remaining.filter(({ table }) => table === 'OutboxEvent').length).toBe(2);
    expect(remaining.filter(({ table }) => table === 'OutboxPayload').length).toBe(2);
  });

  it('customers/data_request is recorded with its request id and answered 200', async () => {
    const response = await harness().deliver('customers/data_request', compliancePayload('customers-data_request.json', SHOP_A));
    expect(response.statusCode).toBe(200);
    await expect(db().compliance.listRequests('shopify', SHOP_A)).resolves.toEqual([
      expect.objectContaining({ topic: 'customers/data_request', requestId: '9999', customerRef: '191167', outcome: 'no data held for this shop' }),
    ]);
  });

  it("customers/data_request leaves an export of exactly that customer's data for the shop's merchant, and no other shop", async () => {
    await seedShopA();
    await harness().configurePixel(SHOP_B);
    await harness().deliver('orders/create', freshFixture('orders-paid.capi-variant.json', new Date(), SHOP_B), { shop: SHOP_B });
    await harness().deliver('customers/data_request', compliancePayload('customers-data_request.json', SHOP_A, [['191167', ORDER_CUSTOMER]]));
    const [request] = await db().compliance.listRequests('shopify', SHOP_A);
    expect(request).toMatchObject({ completedAt: expect.any(Date), outcome: expect.stringMatching(/ready for the merchant: 2 event\(s\), 0 cart snapshot\(s\)$/) });

    const listed = (await harness().admin(SHOP_A, 'GET', '/api/data-requests')).json() as { dataRequests: { id: string; events: number; downloadedAt: string | null; expiresAt: string }[] };
    expect(listed.dataRequests).toEqual([expect.objectContaining({ requestId: '9999', customerId: ORDER_CUSTOMER, orderIds: ['299938', '280263', '220458'], events: 2, downloadedAt: null })]);
    const [entry] = listed.dataRequests;

    expect((await harness().admin(SHOP_B, 'GET', '/api/data-requests')).json()).toEqual({ dataRequests: [] });
    expect((await harness().admin(SHOP_B, 'GET', `/api/data-requests/${entry!.id}`)).statusCode).toBe(404);

    const download = await harness().admin(SHOP_A, 'GET', `/api/data-requests/${entry!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="data-request-9999.json"');
    const body = download.json() as { shop: string; data: { events: { eventId: string; payload: { user_data: Record<string, unknown> } }[]; carts: unknown[] } };
    expect(body.shop).toBe(SHOP_A);
    // The order and the checkout it came from; not the unrelated cart, nothing of shop B.
    expect(body.data.events.map((event) => event.eventId).sort()).toEqual(['initiate_checkout:bd5a8aa1ecd019dd3520ff791ee3a24c', `purchase:${ORDER_ID}`]);
    expect(body.data.events.find((event) => event.eventId === `purchase:${ORDER_ID}`)!.payload.user_data.em).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);

    const after = (await harness().admin(SHOP_A, 'GET', '/api/data-requests')).json() as typeof listed;
    expect(after.dataRequests[0]!.downloadedAt).not.toBeNull();
    expect(new Date(after.dataRequests[0]!.expiresAt).getTime()).toBeLessThan(new Date(entry!.expiresAt).getTime());

    // The customer's redaction takes the export with it.
    await harness().deliver('customers/redact', compliancePayload('customers-redact.json', SHOP_A, [['191167', ORDER_CUSTOMER]]));
    expect((await harness().admin(SHOP_A, 'GET', '/api/data-requests')).json()).toEqual({ dataRequests: [] });
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

  it("app/scopes_update brings the shop's stored sessions to the scopes now granted", async () => {
    await harness().admin(SHOP_A, 'GET', '/api/health');
    const body = JSON.stringify({ id: 1, previous: ['read_orders'], current: ['write_pixels', 'read_orders', 'read_customer_events'], updated_at: new Date().toISOString() });
    expect((await harness().deliver('app/scopes_update', body)).statusCode).toBe(200);
    const sessions = await harness().runtime.services.sessions.findSessionsByShop(SHOP_A);
    expect(sessions.map((session) => session.scope)).toEqual(['read_customer_events,read_orders,write_pixels']);

    const unreadable = JSON.stringify({ id: 2, current: ['read_orders', 7] });
    expect((await harness().deliver('app/scopes_update', unreadable)).statusCode).toBe(200);
    expect((await harness().runtime.services.sessions.findSessionsByShop(SHOP_A)).map((session) => session.scope)).toEqual(['read_customer_events,read_orders,write_pixels']);
    expect(harness().logs.some((line) => String(line.msg).startsWith('app/scopes_update without a readable list'))).toBe(true);

    expect((await harness().deliver('app/scopes_update', body, { shop: 'never-opened.myshopify.com' })).statusCode).toBe(200);
    expect(harness().logs).toContainEqual(expect.objectContaining({ topic: 'app/scopes_update', action: 'ignored' }));
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
