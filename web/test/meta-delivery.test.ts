/**
 * From a signed Shopify webhook to the request Meta receives, on SQLite and PostgreSQL: the server
 * stores the events, a worker round delivers them to the Graph sandbox, and the payload is checked
 * field by field. Expected hashes are node:crypto's over the values Meta's rules give.
 */
import { sha256Hex } from '@capi-relay/core/testing';

import { forEachDatabase } from '../../prisma/test/databases';
import { CART_ADD_CUSTOM_DATA, CART_ADD_EVENT_ID, ORDER_CUSTOM_DATA, ORDER_ID, ORDER_USER_AGENT, ORDER_USER_DATA } from './support/expected-payloads';
import { freshFixture, META_TOKEN, PIXEL_ID, SHOP_A } from './support/test-app';
import { useTestApp } from './support/use-test-app';

forEachDatabase((t) => {
  const harness = useTestApp(t);
  beforeEach(() => harness().configurePixel(SHOP_A));

  const deliveredEvents = () => harness().sandbox.received.flatMap((request) => request.events);

  it('delivers the Purchase Meta expects, once, and logs it as sent with Meta\'s trace id', async () => {
    const placedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 10 * 60_000);
    const body = freshFixture('orders-paid.capi-variant.json', placedAt);
    await harness().deliver('orders/create', body);
    await harness().deliver('orders/paid', body);

    const round = await harness().worker.runOnce();
    expect(round).toMatchObject({ claimed: 1, sent: 1 });

    expect(harness().sandbox.received).toHaveLength(1);
    const [request] = harness().sandbox.received;
    expect(request).toMatchObject({ pixelId: PIXEL_ID, tokenLocation: 'header', partnerAgent: 'capirelay_shopify_0_1' });
    expect(request?.testEventCode).toBeUndefined();
    expect(request?.events).toEqual([
      {
        event_name: 'Purchase',
        event_time: placedAt.getTime() / 1000,
        event_id: `purchase:${ORDER_ID}`,
        action_source: 'website',
        event_source_url: `https://${SHOP_A}/548380009/orders/123456abcd/authenticate`,
        user_data: ORDER_USER_DATA,
        custom_data: ORDER_CUSTOM_DATA,
      },
    ]);

    const { events } = (await harness().admin(SHOP_A, 'GET', '/api/events')).json() as { events: Record<string, unknown>[] };
    expect(events).toEqual([expect.objectContaining({ eventName: 'Purchase', status: 'sent', attempts: 1, fbtraceId: request?.fbtraceId })]);

    // A redelivery after sending changes nothing at Meta.
    await harness().deliver('orders/create', body);
    await harness().worker.runOnce();
    expect(harness().sandbox.received).toHaveLength(1);

    // The whole way through, no log line carried the customer's data, hashed or not, or the token.
    const logged = JSON.stringify(harness().logs);
    for (const secret of ['jane.doe@example.com', '4915112345678', 'Musterstrasse', '203.0.113.42', ORDER_USER_AGENT, META_TOKEN, sha256Hex('jane.doe@example.com')]) {
      expect(logged).not.toContain(secret);
    }
  });

  it('sends a point-of-sale order as a physical_store Purchase', async () => {
    await harness().deliver('orders/create', freshFixture('orders-paid.capi-variant.json').replace('"source_name": "web"', '"source_name": "pos"'));
    await harness().worker.runOnce();
    expect(deliveredEvents()).toEqual([expect.objectContaining({ event_id: `purchase:${ORDER_ID}`, action_source: 'physical_store' })]);
  });

  it('sends AddToCart and InitiateCheckout once the storefront pixel stored the browser context', async () => {
    const { id: storeId } = await harness().runtime.db.stores.ensureStore('shopify', SHOP_A);
    const browser = {
      userAgent: 'Mozilla/5.0 (storefront)',
      ipAddress: '2001:db8::7',
      pageUrl: `https://${SHOP_A}/products/example`,
      fbp: 'fb.1.1764300000000.987654321',
    };
    await harness().runtime.db.carts.saveBrowserContext(storeId, { cartToken: 'exampleCartId' }, browser);
    await harness().runtime.db.carts.saveBrowserContext(storeId, { cartToken: 'c1-7a2abe82733a34e84aa472d57fb5c3c1' }, browser);

    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    await harness().deliver('carts/create', freshFixture('carts-create.json', at));
    await harness().deliver('checkouts/create', freshFixture('checkouts-create.capi-variant.json', at));
    await harness().worker.runOnce();

    const byName = Object.fromEntries(deliveredEvents().map((event) => [event.event_name, event]));
    expect(byName.AddToCart).toEqual({
      event_name: 'AddToCart',
      event_time: at.getTime() / 1000,
      event_id: CART_ADD_EVENT_ID,
      action_source: 'website',
      event_source_url: browser.pageUrl,
      user_data: { client_ip_address: browser.ipAddress, client_user_agent: browser.userAgent, fbp: browser.fbp },
      custom_data: CART_ADD_CUSTOM_DATA,
    });
    expect(byName.InitiateCheckout).toMatchObject({
      event_id: 'initiate_checkout:bd5a8aa1ecd019dd3520ff791ee3a24c',
      event_source_url: browser.pageUrl,
      user_data: expect.objectContaining({
        em: [sha256Hex('jane.doe@example.com')],
        external_id: [sha256Hex('603851970716743426')],
        client_ip_address: browser.ipAddress,
        client_user_agent: browser.userAgent,
        // The checkout's own cart attribute wins over the pixel's cookie.
        fbp: 'fb.1.1715000000000.1234567890',
      }),
    });
  });
});
