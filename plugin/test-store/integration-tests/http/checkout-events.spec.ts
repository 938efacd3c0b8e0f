/**
 * A shopper's checkout through Medusa's Store API, with the plugin installed in a real Medusa server
 * on PostgreSQL: the Graph sandbox receives AddToCart, InitiateCheckout and Purchase once each, with
 * the shopper's data hashed as Meta specifies; an event toggled off is recorded as skipped instead.
 */
import { createHash } from 'node:crypto';
import type { GraphSandbox } from '@capi-relay/core';

import { ACCESS_TOKEN, PIXEL_ID, receivedEvents, startSandboxForMedusa, waitFor, waitForEvents } from '../support/graph-sandbox';
import { createPluginDatabase } from '../support/plugin-database';
import { describeTestStore } from '../support/test-store-runner';
import { ADDRESS, cartWithShirts, checkOut, SHOPPER, shopperHeaders } from '../support/shopper';

jest.setTimeout(120_000);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let sandbox: GraphSandbox;
let pluginDatabase: { url: string; drop(): Promise<void> };
beforeAll(async () => {
  sandbox = await startSandboxForMedusa();
  pluginDatabase = await createPluginDatabase();
  process.env.CAPI_RELAY_DATABASE_URL = pluginDatabase.url;
});
afterAll(async () => {
  await sandbox?.close();
  await pluginDatabase?.drop();
});

describeTestStore(({ api, store: seeded, admin }) => {
  beforeEach(async () => {
    sandbox.reset();
    const allOn = { Purchase: true, InitiateCheckout: true, AddToCart: true };
    await api.post('/admin/capi-relay/settings', { pixelId: PIXEL_ID, accessToken: ACCESS_TOKEN, events: allOn }, admin());
  });

  // The plugin's database outlives Medusa's per-test restore: rows are told apart by their source.
  const logOf = async (...sourceIds: string[]) => {
    const log = await api.get('/admin/capi-relay/events?limit=100', admin());
    return (log.data.events as { eventName: string; status: string; sourceId: string }[]).filter((row) => sourceIds.includes(row.sourceId));
  };

  it('sends AddToCart, InitiateCheckout and Purchase once each, hashed and valued as Meta specifies', async () => {
    const store = seeded();
    const cart = await cartWithShirts(api, store, 2);
    const line = cart.items[0];
    expect(line).toBeDefined();
    const checkout = await api.post(
      '/store/capi-relay/checkout',
      { cart_id: cart.id, event_source_url: SHOPPER.checkoutPage },
      { headers: shopperHeaders(store.publishableKey, SHOPPER.checkoutPage) },
    );
    expect(checkout.data).toEqual({ event_id: `initiate_checkout:${cart.id}` });
    const order = await checkOut(api, store, cart.id);

    const events = await waitForEvents(sandbox, 3);
    expect(events.map((event) => event.event_name).sort()).toEqual(['AddToCart', 'InitiateCheckout', 'Purchase']);
    const byName = Object.fromEntries(events.map((event) => [event.event_name, event]));

    const browser = {
      client_user_agent: SHOPPER.userAgent,
      fbp: SHOPPER.fbp,
      fbc: SHOPPER.fbc,
      em: [sha256('jane.doe@example.com')],
    };
    const shirt = { id: store.variantId, quantity: 2, item_price: 25 };
    expect(byName.AddToCart).toMatchObject({
      event_id: `add_to_cart:${cart.id}:${line?.id}:2`,
      action_source: 'website',
      event_source_url: SHOPPER.productPage,
      user_data: browser,
      custom_data: { value: 50, currency: 'EUR', content_ids: [store.variantId], contents: [shirt], content_type: 'product', num_items: 2 },
    });
    expect(byName.InitiateCheckout).toMatchObject({
      event_id: `initiate_checkout:${cart.id}`,
      event_source_url: SHOPPER.checkoutPage,
      user_data: browser,
      custom_data: { value: 50, currency: 'EUR', contents: [shirt], num_items: 2 },
    });
    expect(byName.Purchase).toMatchObject({
      event_id: `purchase:${order.id}`,
      event_source_url: SHOPPER.checkoutPage,
      user_data: {
        ...browser,
        fn: [sha256('jane')],
        ln: [sha256('doe')],
        ph: [sha256('4512345678')],
        zp: [sha256('1165')],
        country: [sha256('dk')],
      },
      custom_data: { value: order.total, currency: 'EUR', contents: [shirt], num_items: 2, order_id: order.id },
    });
    for (const event of events) expect((event.user_data as Record<string, unknown>).client_ip_address).toMatch(/127\.0\.0\.1|::1/);

    // The address update that carries checkout details is the InitiateCheckout fallback: same id, not stored twice.
    // The sandbox answers before the worker marks the rows: wait for the marks.
    const log = await waitFor(async () => {
      const rows = await logOf(cart.id, order.id);
      return rows.every((row) => row.status !== 'queued' && row.status !== 'sending') ? rows : undefined;
    });
    expect(log.map((row) => `${row.eventName}:${row.status}`).sort()).toEqual(['AddToCart:sent', 'InitiateCheckout:sent', 'Purchase:sent']);
    expect(receivedEvents(sandbox)).toHaveLength(3);
  });

  it('records an event toggled off as skipped and sends nothing for it; the first address update stands in for the checkout route', async () => {
    const store = seeded();
    await api.post('/admin/capi-relay/settings', { events: { AddToCart: false } }, admin());
    const cart = await cartWithShirts(api, store, 1);

    const addToCart = await waitFor(async () => (await logOf(cart.id)).find((row) => row.eventName === 'AddToCart'));
    // Another event goes through the same worker: once it arrives, a wrongly queued AddToCart would have too.
    // This one is the fallback: the storefront never calls the checkout route, the first address update counts.
    await api.post(`/store/carts/${cart.id}`, { shipping_address: ADDRESS }, { headers: shopperHeaders(store.publishableKey, SHOPPER.checkoutPage) });
    const events = await waitForEvents(sandbox, 1);
    expect(events.map((event) => event.event_id)).toEqual([`initiate_checkout:${cart.id}`]);
    expect(addToCart).toMatchObject({
      status: 'skipped',
      reason: 'disabled',
      reasonDetail: 'Sending AddToCart events is turned off in settings.',
    });
  });

  it('sends the AddToCart of a cart created with its items, with the creating request\'s browser context', async () => {
    const store = seeded();
    const headers = shopperHeaders(store.publishableKey);
    const created = await api.post('/store/carts', { region_id: store.regionId, email: SHOPPER.email, items: [{ variant_id: store.variantId, quantity: 3 }] }, { headers });
    const cart = created.data.cart as { id: string; items: { id: string }[] };
    const [event] = await waitForEvents(sandbox, 1);
    expect(event).toMatchObject({
      event_name: 'AddToCart',
      event_id: `add_to_cart:${cart.id}:${cart.items[0]?.id}:3`,
      event_source_url: SHOPPER.productPage,
      user_data: { client_user_agent: SHOPPER.userAgent, fbp: SHOPPER.fbp, fbc: SHOPPER.fbc, em: [sha256('jane.doe@example.com')] },
      custom_data: { value: 75, currency: 'EUR', num_items: 3 },
    });
  });
});
