/**
 * The consent policy end to end, on SQLite and PostgreSQL: the shop's country read from the Admin
 * API when the app connects sets the default for events without a consent signal; the merchant's
 * setting overrides it; a kept order is sent once when the storefront pixel reports consent later;
 * and a shopper who opted out of the sale of their data never reaches Meta without Limited Data Use.
 */
import { forEachDatabase } from '../../prisma/test/databases';
import { ORDER_ID } from './support/expected-payloads';
import { CHECKOUT_TOKEN, orderWithoutBrowser, pixelReporter } from './support/storefront-pixel';
import { freshFixture, SHOP_A } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const LDU = { data_processing_options: ['LDU'], data_processing_options_country: 0, data_processing_options_state: 0 };
const NO_LDU = { data_processing_options: undefined, data_processing_options_country: undefined, data_processing_options_state: undefined };

forEachDatabase((t) => {
  const harness = useTestApp(t);
  let key: string;
  const at = () => new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  const { report, posted } = pixelReporter(harness, SHOP_A, () => key, at);

  /** The shop, connected as on install (its country read from the Admin API), with a working pixel. */
  async function shopIn(country: string | null, settings: Record<string, unknown> = {}) {
    const { countries } = harness().webPixels;
    countries.clear();
    if (country) countries.set(SHOP_A, country);
    await harness().configurePixel(SHOP_A, settings);
    await harness().runtime.services.adminAccess.settle();
    const store = await harness().runtime.db.stores.ensureStore('shopify', SHOP_A);
    expect(store.country).toBe(country);
    key = await harness().runtime.db.stores.pixelKeyFor(store.id);
  }

  const settings = async () => (await harness().admin(SHOP_A, 'GET', '/api/settings')).json() as Record<string, unknown>;
  const eventLog = async () => ((await harness().admin(SHOP_A, 'GET', '/api/events')).json() as { events: Record<string, unknown>[] }).events;
  const sent = (eventName: string) => harness().sandbox.received.flatMap((request) => request.events).filter((event) => event.event_name === eventName);
  const purchases = () => sent('Purchase');
  /** The Limited Data Use fields of an event Meta received, present or not. */
  const ldu = (event: Record<string, unknown> | undefined) => ({
    data_processing_options: event?.data_processing_options,
    data_processing_options_country: event?.data_processing_options_country,
    data_processing_options_state: event?.data_processing_options_state,
  });
  /** The order as Shopify sends it: with the buyer's browser IP and user agent, and no consent signal. */
  const order = () => harness().deliver('orders/create', freshFixture('orders-paid.capi-variant.json', at()));
  const checkoutCompleted = (consent: Record<string, boolean>) =>
    posted(report('checkout_completed', { checkoutToken: CHECKOUT_TOKEN, orderId: ORDER_ID, value: '372.55', currency: 'EUR', consent }));

  describe('settings', () => {
    it("shows the region default from the shop's country, the merchant's choice over it, and null going back", async () => {
      await shopIn('DE');
      expect(await settings()).toMatchObject({ noConsentSignal: null, noConsentSignalDefault: { policy: 'keep', region: 'eea_uk_ch', country: 'DE' } });
      const chosen = await harness().admin(SHOP_A, 'PUT', '/api/settings', { noConsentSignal: 'limited_data_use' });
      expect(chosen.json()).toMatchObject({ noConsentSignal: 'limited_data_use', noConsentSignalDefault: { policy: 'keep' } });
      const refused = await harness().admin(SHOP_A, 'PUT', '/api/settings', { noConsentSignal: 'maybe' });
      expect(refused.statusCode).toBe(400);
      expect((refused.json() as { errors: Record<string, string> }).errors.noConsentSignal).toMatch(/without a consent signal/);
      await harness().admin(SHOP_A, 'PUT', '/api/settings', { noConsentSignal: null });
      expect(await settings()).toMatchObject({ noConsentSignal: null });
    });

    it('says the region is unknown when the shop address names no country', async () => {
      await shopIn(null);
      expect(await settings()).toMatchObject({ noConsentSignalDefault: { policy: 'send', region: 'unknown', country: null } });
    });
  });

  describe('an order with no consent signal follows the setting', () => {
    it.each([
      ['a shop in Germany, by default', 'DE', {}],
      ['a shop in Canada whose merchant keeps such events', 'CA', { noConsentSignal: 'keep' }],
    ])('%s: kept with reason no_consent_signal, in the event log, and not sent', async (_case, country, chosen) => {
      await shopIn(country, chosen);
      expect((await order()).statusCode).toBe(200);
      await harness().worker.runOnce();
      expect(purchases()).toEqual([]);
      const [row] = await eventLog();
      expect(row).toMatchObject({ eventName: 'Purchase', status: 'skipped', reason: 'no_consent_signal' });
      expect(row?.reasonDetail).toMatch(/^No consent signal came with this event/);
      expect(row?.reasonDetail).toMatch(country === 'DE' ? /default for a shop in the EEA, the UK or Switzerland/ : /your consent setting keeps such events/);
    });

    it.each([
      ['a shop in the United States, by default', 'US', {}, LDU],
      ['a shop in Germany whose merchant chose Limited Data Use', 'DE', { noConsentSignal: 'limited_data_use' }, LDU],
      ['a shop in Canada, by default', 'CA', {}, NO_LDU],
      ['a shop in Germany whose merchant chose to send', 'DE', { noConsentSignal: 'send' }, NO_LDU],
    ])('%s: sent, with Limited Data Use as the setting says', async (_case, country, chosen, expected) => {
      await shopIn(country, chosen);
      await order();
      expect(await harness().worker.runOnce()).toMatchObject({ sent: 1 });
      expect(purchases()).toHaveLength(1);
      expect(ldu(purchases()[0])).toEqual(expected);
    });
  });

  describe('the consent signal arriving after the order', () => {
    it('sends a kept order once the storefront pixel reports consent, and never a second time', async () => {
      await shopIn('FR');
      await harness().deliver('orders/create', orderWithoutBrowser(at()));
      expect((await eventLog())[0]).toMatchObject({ status: 'skipped', reason: 'no_consent_signal' });

      await checkoutCompleted({ marketing: true, saleOfData: true });
      expect((await eventLog())[0]).toMatchObject({ eventName: 'Purchase', status: 'queued', reason: null });
      await harness().worker.runOnce();
      // Reported again (the thank-you page reloaded) and the order redelivered as orders/paid: still one.
      await checkoutCompleted({ marketing: true, saleOfData: true });
      await harness().deliver('orders/paid', orderWithoutBrowser(at()));
      await harness().worker.runOnce();

      expect(purchases()).toHaveLength(1);
      expect(purchases()[0]).toMatchObject({ event_id: `purchase:${ORDER_ID}`, user_data: expect.objectContaining({ client_user_agent: expect.stringContaining('storefront'), client_ip_address: '127.0.0.1' }) });
      expect(ldu(purchases()[0])).toEqual(NO_LDU);
      expect(await eventLog()).toEqual([expect.objectContaining({ eventName: 'Purchase', status: 'sent', attempts: 1 })]);
    });

    it('keeps it for good when the pixel reports that the shopper refused marketing', async () => {
      await shopIn('FR');
      await harness().deliver('orders/create', orderWithoutBrowser(at()));
      await checkoutCompleted({ marketing: false, saleOfData: true });
      await harness().worker.runOnce();
      expect(purchases()).toEqual([]);
      expect(await eventLog()).toEqual([expect.objectContaining({ status: 'skipped', reason: 'no_consent' })]);
    });

    it("drops the US default's Limited Data Use when the signal allows the sale of data", async () => {
      await shopIn('US');
      await order();
      await checkoutCompleted({ marketing: true, saleOfData: true });
      await harness().worker.runOnce();
      expect(purchases()).toHaveLength(1);
      expect(ldu(purchases()[0])).toEqual(NO_LDU);
    });
  });

  describe('a shopper who opted out of the sale of their data', () => {
    const optedOut = { marketing: true, saleOfData: false };

    it.each([
      ['reported before the order', true],
      ['reported after the order was queued without a signal', false],
    ])('%s: the Purchase carries Limited Data Use', async (_case, pixelFirst) => {
      await shopIn('CA');
      if (pixelFirst) await checkoutCompleted(optedOut);
      await harness().deliver('orders/create', orderWithoutBrowser(at()));
      if (!pixelFirst) await checkoutCompleted(optedOut);
      await harness().worker.runOnce();
      expect(purchases()).toHaveLength(1);
      expect(ldu(purchases()[0])).toEqual(LDU);
    });

    it("carries it on the same shopper's checkout too, found through the cart the pixel reported", async () => {
      await shopIn('CA', { events: { InitiateCheckout: true } });
      await posted(report('page_viewed', { cartToken: 'c1-7a2abe82733a34e84aa472d57fb5c3c1', consent: optedOut }));
      await harness().deliver('checkouts/create', freshFixture('checkouts-create.capi-variant.json', at()));
      await harness().worker.runOnce();
      const [checkout] = sent('InitiateCheckout');
      expect(ldu(checkout)).toEqual(LDU);
    });
  });
});
