/**
 * The browser half, end to end on SQLite and PostgreSQL: storefront pixel reports posted to
 * /api/pixel as the extension posts them, Shopify webhooks signed as Shopify signs them, and the
 * Graph sandbox receiving what a worker round sends. Each webhook/pixel pair must reach Meta as ONE
 * event carrying both halves, in either order of arrival.
 */
import { sha256Hex } from '@capi-relay/core/testing';

import { forEachDatabase } from '../../prisma/test/databases';
import { CART_ADD_CUSTOM_DATA, CART_ADD_EVENT_ID, ORDER_ID } from './support/expected-payloads';
import { fixtureBody } from './support/shopify-signing';
import { CHECKOUT_TOKEN, orderWithoutBrowser as orderWithoutBrowserFixture, PIXEL, pixelReporter } from './support/storefront-pixel';
import { freshFixture, SHOP_A, SHOP_B } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const STITCH_WAIT_SECONDS = 60;

forEachDatabase((t) => {
  const harness = useTestApp(t, { STITCH_WAIT_SECONDS: String(STITCH_WAIT_SECONDS) });
  let key: string;
  let storeId: string;
  // A minute ago: inside Meta's window, and what the stitch wait counts from.
  let at: Date;
  const { report, post, posted } = pixelReporter(harness, SHOP_A, () => key, () => at);

  beforeEach(async () => {
    await harness().configurePixel(SHOP_A);
    const store = await harness().runtime.db.stores.ensureStore('shopify', SHOP_A);
    storeId = store.id;
    key = await harness().runtime.db.stores.pixelKeyFor(store.id);
    at = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  });

  /** A worker round after every stitch wait has run out. */
  async function sendAfterTheWait() {
    const later = new Date(Date.now() + (STITCH_WAIT_SECONDS + 60) * 1000);
    const { db, engine } = harness().runtime;
    return engine.createWorker({ outbox: db.outbox, pixels: db.pixels }, { clock: () => later }).runOnce();
  }

  const delivered = (eventName: string) => harness().sandbox.received.flatMap((request) => request.events).filter((event) => event.event_name === eventName);
  const eventLog = async () => ((await harness().admin(SHOP_A, 'GET', '/api/events')).json() as { events: Record<string, unknown>[] }).events;

  const orderWithoutBrowser = () => orderWithoutBrowserFixture(at);

  describe.each([
    ['pixel first', true],
    ['webhook first', false],
  ])('%s', (_order, pixelFirst) => {
    it('product_added_to_cart + carts/update: one AddToCart with the user agent, URL, IP, fbp and fbc', async () => {
      const pixel = () => posted(report('product_added_to_cart', { cartToken: 'gid://shopify/Cart/exampleCartId?key=secret', items: [{ variantId: '704912205188288575', quantity: 3, price: '19.99' }], currency: 'USD' }));
      const webhook = () => harness().deliver('carts/update', freshFixture('carts-update.json', at));
      if (pixelFirst) await pixel();
      await webhook();
      if (!pixelFirst) {
        expect((await eventLog())[0]).toMatchObject({ eventName: 'AddToCart', status: 'skipped', reason: 'needs_browser_context' });
        await pixel();
      }
      await harness().worker.runOnce();
      await sendAfterTheWait();

      expect(delivered('AddToCart')).toEqual([
        {
          event_name: 'AddToCart',
          event_time: at.getTime() / 1000,
          event_id: CART_ADD_EVENT_ID,
          action_source: 'website',
          event_source_url: `https://${SHOP_A}/products/example-t-shirt`,
          referrer_url: 'https://www.facebook.com/',
          user_data: { client_ip_address: '127.0.0.1', client_user_agent: PIXEL.userAgent, fbp: PIXEL.fbp, fbc: PIXEL.fbc },
          custom_data: CART_ADD_CUSTOM_DATA,
        },
      ]);
      expect(await eventLog()).toEqual([expect.objectContaining({ eventName: 'AddToCart', status: 'sent' })]);
    });

    it('checkout_started + checkouts/create: one InitiateCheckout with the buyer from the webhook and the browser from the pixel', async () => {
      const pixel = () => posted(report('checkout_started', { checkoutToken: CHECKOUT_TOKEN, value: 398.0, currency: 'USD', items: [{ variantId: '808950810', productId: '632910392', quantity: 2, price: 199 }] }));
      const webhook = () => harness().deliver('checkouts/create', freshFixture('checkouts-create.capi-variant.json', at));
      if (pixelFirst) await pixel();
      await webhook();
      if (!pixelFirst) await pixel();
      await harness().worker.runOnce();
      await sendAfterTheWait();

      const [initiated, ...more] = delivered('InitiateCheckout');
      expect(more).toEqual([]);
      expect(initiated).toMatchObject({ event_id: `initiate_checkout:${CHECKOUT_TOKEN}`, action_source: 'website' });
      expect(initiated?.user_data).toMatchObject({ em: [sha256Hex('jane.doe@example.com')], client_user_agent: PIXEL.userAgent, client_ip_address: '127.0.0.1' });
      expect(initiated?.custom_data).toMatchObject({ currency: 'USD', content_ids: ['808950810'] });
    });

    it('checkout_completed + orders/create: one Purchase carrying both halves', async () => {
      const pixel = () =>
        posted(report('checkout_completed', { checkoutToken: CHECKOUT_TOKEN, orderId: `gid://shopify/OrderIdentity/${ORDER_ID}`, value: '372.55', currency: 'EUR', items: [{ variantId: '808950810', quantity: 1, price: '82.79' }] }));
      const webhook = () => harness().deliver('orders/create', orderWithoutBrowser());
      if (pixelFirst) await pixel();
      await webhook();
      if (!pixelFirst) await pixel();
      // Both halves are in: sent in the next round, without waiting.
      await harness().worker.runOnce();

      const [purchase, ...more] = delivered('Purchase');
      expect(more).toEqual([]);
      expect(purchase).toMatchObject({ event_id: `purchase:${ORDER_ID}`, action_source: 'website', custom_data: expect.objectContaining({ value: 372.55, currency: 'EUR', order_id: ORDER_ID }) });
      expect(purchase?.user_data).toMatchObject({
        em: [sha256Hex('jane.doe@example.com')],
        external_id: expect.any(Array),
        client_ip_address: '127.0.0.1',
        client_user_agent: PIXEL.userAgent,
        fbp: PIXEL.fbp,
        fbc: PIXEL.fbc,
      });
      await sendAfterTheWait();
      expect(delivered('Purchase')).toHaveLength(1);
    });
  });

  it('queues a kept InitiateCheckout once when checkouts/update is delivered again after the pixel reported the cart', async () => {
    await harness().deliver('checkouts/create', freshFixture('checkouts-create.capi-variant.json', at));
    expect((await eventLog())[0]).toMatchObject({ status: 'skipped', reason: 'needs_browser_context' });
    // The pixel saw the cart (not the checkout): its report files the context the checkout webhook looks up.
    await posted(report('page_viewed', { cartToken: 'c1-7a2abe82733a34e84aa472d57fb5c3c1' }));
    expect((await eventLog())[0]).toMatchObject({ status: 'skipped', reason: 'needs_browser_context' });

    await harness().deliver('checkouts/update', freshFixture('checkouts-create.capi-variant.json', at));
    await harness().deliver('checkouts/update', freshFixture('checkouts-create.capi-variant.json', at));
    await harness().worker.runOnce();
    await harness().deliver('checkouts/update', freshFixture('checkouts-create.capi-variant.json', at));
    await sendAfterTheWait();
    expect(delivered('InitiateCheckout')).toEqual([expect.objectContaining({ event_id: `initiate_checkout:${CHECKOUT_TOKEN}`, user_data: expect.objectContaining({ client_user_agent: PIXEL.userAgent }) })]);
    expect(await eventLog()).toEqual([expect.objectContaining({ eventName: 'InitiateCheckout', status: 'sent', attempts: 1 })]);
  });

  it('sends a webhook event with no twin on its own once the wait is over, and keeps one that cannot be sent with its reason', async () => {
    await harness().deliver('orders/create', orderWithoutBrowser().replace(/"user_agent": null/, `"user_agent": "${PIXEL.userAgent}"`).replace(/"landing_site": null/, '"landing_site": "/products/x"'));
    await harness().deliver('checkouts/create', freshFixture('checkouts-create.capi-variant.json', at));
    expect(await harness().worker.runOnce()).toMatchObject({ claimed: 0 });

    expect(await sendAfterTheWait()).toMatchObject({ claimed: 1, sent: 1 });
    expect(delivered('Purchase')).toHaveLength(1);
    expect(delivered('InitiateCheckout')).toEqual([]);
    const checkout = (await eventLog()).find((event) => event.eventName === 'InitiateCheckout');
    expect(checkout).toMatchObject({ status: 'skipped', reason: 'needs_browser_context' });
    expect(checkout?.reasonDetail).toMatch(/client_user_agent/);
  });

  it('records a refused-consent report as a skip, keeps none of the browser data, and sends nothing', async () => {
    await posted(report('checkout_started', { checkoutToken: CHECKOUT_TOKEN, value: '398.00', currency: 'EUR', consent: { marketing: false, saleOfData: false } }));
    await harness().deliver('checkouts/create', freshFixture('checkouts-create.capi-variant.json', at));
    await sendAfterTheWait();

    expect(harness().sandbox.received).toEqual([]);
    expect(await eventLog()).toEqual([expect.objectContaining({ eventName: 'InitiateCheckout', status: 'skipped', reason: 'no_consent' })]);
    const stored = await harness().runtime.db.carts.findByTokens(storeId, { checkoutToken: CHECKOUT_TOKEN });
    expect(stored?.browser).toEqual({ consent: { marketing: false, saleOfData: false } });
  });

  it('stops a waiting webhook event when the pixel then reports refused consent', async () => {
    await harness().deliver('orders/create', orderWithoutBrowser().replace(/"user_agent": null/, `"user_agent": "${PIXEL.userAgent}"`).replace(/"landing_site": null/, '"landing_site": "/products/x"'));
    await posted(report('checkout_completed', { checkoutToken: CHECKOUT_TOKEN, orderId: ORDER_ID, value: '372.55', currency: 'EUR', consent: { marketing: false } }));
    await sendAfterTheWait();
    expect(harness().sandbox.received).toEqual([]);
    expect(await eventLog()).toEqual([expect.objectContaining({ eventName: 'Purchase', status: 'skipped', reason: 'no_consent' })]);
  });

  it('sends the browser-only ViewContent and AddPaymentInfo as website events', async () => {
    await posted(report('product_viewed', { items: [{ variantId: 'gid://shopify/ProductVariant/808950810', productId: '632910392', quantity: 1, price: 82.79 }], currency: 'EUR' }));
    await posted(report('payment_info_submitted', { checkoutToken: CHECKOUT_TOKEN, value: 82.79, currency: 'EUR' }));
    await harness().worker.runOnce();
    expect(delivered('ViewContent')).toEqual([
      expect.objectContaining({ action_source: 'website', custom_data: expect.objectContaining({ content_ids: ['808950810'], value: 82.79 }), user_data: expect.objectContaining({ client_user_agent: PIXEL.userAgent }) }),
    ]);
    expect(delivered('AddPaymentInfo')).toEqual([expect.objectContaining({ event_id: `add_payment_info:${CHECKOUT_TOKEN}` })]);
  });

  it('refuses a forged key or a shop that is not the key\'s, storing nothing', async () => {
    const otherKey = await harness().runtime.db.stores.pixelKeyFor((await harness().runtime.db.stores.ensureStore('shopify', SHOP_B)).id);
    for (const forged of [report('checkout_started', { key: 'not-a-key-we-issued', checkoutToken: CHECKOUT_TOKEN, value: 1, currency: 'EUR' }), report('checkout_started', { key: otherKey, checkoutToken: CHECKOUT_TOKEN, value: 1, currency: 'EUR' })]) {
      const response = await post(forged);
      expect(response.statusCode).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    }
    expect(await harness().runtime.db.carts.findByTokens(storeId, { checkoutToken: CHECKOUT_TOKEN })).toBeNull();
    expect(await harness().runtime.db.client.outboxEvent.count()).toBe(0);
    expect(harness().logs.filter((line) => line.msg === 'pixel report refused: shop and key do not match')).toHaveLength(2);
  });

  it('refuses an oversized or malformed body with 413 or 400 and a log line without its content', async () => {
    const marker = 'SHOPPER-DATA-MARKER';
    const oversized = JSON.stringify(report('page_viewed', { referrer: `https://x.example/?q=${marker}${'a'.repeat(70 * 1024)}` }));
    expect((await post(oversized)).statusCode).toBe(413);
    expect((await post(`{"event": "page_viewed", "note": "${marker}"`)).statusCode).toBe(400);
    const badField = await post(report('page_viewed', { url: `javascript:${marker}` }));
    expect(badField.statusCode).toBe(400);
    expect(badField.json()).toEqual({ error: 'Pixel report field url is not an http(s) URL' });

    const messages = harness().logs.map((line) => line.msg);
    expect(messages).toEqual(expect.arrayContaining(['request refused', 'pixel report refused: body is not valid JSON', 'pixel report refused: a field cannot be used']));
    expect(JSON.stringify(harness().logs)).not.toContain(marker);
    expect(await harness().runtime.db.client.outboxEvent.count()).toBe(0);
  });

  it('refuses what no column can store or no clock shows with 400 naming the field, never a 500', async () => {
    const cases = [
      report('checkout_started', { checkoutToken: `${CHECKOUT_TOKEN}\u0000`, value: 1, currency: 'EUR' }),
      report('product_viewed', { items: [{ variantId: '808950810', sku: 'TEE\ud800', quantity: 1 }] }),
      report('checkout_started', { checkoutToken: CHECKOUT_TOKEN, value: 1, currency: 'EUR', timestamp: '+275760-09-13T00:00:00.000Z' }),
      report('product_viewed', { items: [{ variantId: '808950810', quantity: 1e21 }] }),
    ];
    const answers = [];
    for (const body of cases) {
      const response = await post(body);
      answers.push([response.statusCode, (response.json() as { error: string }).error]);
    }
    expect(answers).toEqual([
      [400, 'Pixel report field checkoutToken holds a NUL or an unpaired surrogate, which no browser sends'],
      [400, 'Pixel report field items[0].sku holds a NUL or an unpaired surrogate, which no browser sends'],
      [400, 'Pixel report field timestamp is more than a year away from now'],
      [400, 'Pixel report field items[0].quantity is not a whole number from 1 to 2^53 - 1'],
    ]);
    expect(await harness().runtime.db.client.outboxEvent.count()).toBe(0);
  });

  it('creates the shop\'s web pixel after install with settings its posts are accepted with', async () => {
    const saved = harness().webPixels.saved(SHOP_B);
    await harness().admin(SHOP_B, 'GET', '/api/settings');
    await saved;
    const settings = JSON.parse(harness().webPixels.pixels.get(SHOP_B)?.settings ?? '{}') as { ingestUrl: string; shopKey: string };
    expect(settings.ingestUrl).toBe('https://relay.example.com/api/pixel');
    const response = await post({ ...report('page_viewed'), key: settings.shopKey, shop: SHOP_B });
    expect(response.statusCode).toBe(202);
  });

  it('warns on the health route once Meta\'s browser pixel cookie shows up in the shop\'s events', async () => {
    const health = async () => ((await harness().admin(SHOP_A, 'GET', '/api/health')).json() as { browserPixel: { metaBrowserPixelSeen: boolean; warning: string | null } }).browserPixel;
    await posted(report('product_viewed', { fbp: undefined, items: [{ variantId: '808950810', quantity: 1 }] }));
    expect(await health()).toEqual({ metaBrowserPixelSeen: false, warning: null });
    await posted(report('product_viewed', { items: [{ variantId: '808950810', quantity: 1 }] }));
    const warned = await health();
    expect(warned.metaBrowserPixelSeen).toBe(true);
    expect(warned.warning).toMatch(/Facebook & Instagram sales channel/);
  });

  it('deletes the browser context a logged-in shopper\'s reports left when Shopify asks to redact the customer', async () => {
    await posted(report('page_viewed', { cartToken: 'c1-redact-me', customerId: 'gid://shopify/Customer/191167' }));
    expect(await harness().runtime.db.carts.get(storeId, 'c1-redact-me')).toMatchObject({ customerRef: '191167' });
    const redact = fixtureBody('customers-redact.json').replace('{shop}.myshopify.com', SHOP_A);
    expect((await harness().deliver('customers/redact', redact)).statusCode).toBe(200);
    expect(await harness().runtime.db.carts.get(storeId, 'c1-redact-me')).toBeNull();
  });

  it('takes the client address from the connection, not from an X-Forwarded-For it does not trust', async () => {
    await harness().request('POST', '/api/pixel', {
      headers: { 'content-type': 'text/plain', 'x-forwarded-for': '198.51.100.23' },
      payload: JSON.stringify(report('page_viewed', { cartToken: 'c1-forwarded' })),
    });
    expect((await harness().runtime.db.carts.get(storeId, 'c1-forwarded'))?.browser?.ipAddress).toBe('127.0.0.1');
  });
});
