import type { BuiltEvent } from '../../events';
import type { ServerEvent } from '../../meta/wire';
import type { PixelConfigRecord } from '../../settings/port';
import { sha256Hex } from '../../testing/sha256-hex';
import { MAX_EVENT_AGE_SECONDS } from '../../validate';
import { NOW, NOW_SECONDS, sendablePurchase } from '../../validate/__tests__/sendable-purchase';
import { hashUserData } from '../../normalize';
import { planOutboxEvents, type PlanInput } from '.';

function built(event: ServerEvent = sendablePurchase(), sourceId = '1001', tokens: BuiltEvent['tokens'] = {}): BuiltEvent {
  return { event, dropped: [], sourceId, tokens, skippedLines: [] };
}

function pixel(overrides: Partial<PixelConfigRecord> = {}): PixelConfigRecord {
  return {
    id: 'px-1',
    storeId: 'store-1',
    pixelId: '1234567890',
    accessTokenCiphertext: 'v1:ciphertext',
    accessTokenLast4: 'abcd',
    testEventCode: null,
    enabled: true,
    events: { Purchase: true, InitiateCheckout: true, AddToCart: true, ViewContent: true, AddPaymentInfo: true },
    limitedDataUse: 'off',
    noConsentSignal: null,
    purchaseTrigger: 'order_created',
    stoppedAt: null,
    stoppedReason: null,
    updatedAt: NOW,
    ...overrides,
  };
}

function plan(overrides: Partial<PlanInput> = {}) {
  return planOutboxEvents({ storeId: 'store-1', pixels: [pixel()], built: [built()], now: NOW, ...overrides });
}

describe('planOutboxEvents', () => {
  it('queues a valid event for the pixel with the row fields taken from the event', () => {
    const event = sendablePurchase();
    expect(plan({ built: [built(event, '1001', { cartToken: 'cart-1', checkoutToken: 'chk-1' })], customerRef: 'cust-9' })).toEqual([
      {
        storeId: 'store-1',
        pixelConfigId: 'px-1',
        eventName: 'Purchase',
        eventId: 'purchase:1001',
        sourceId: '1001',
        customerRef: 'cust-9',
        cartToken: 'cart-1',
        checkoutToken: 'chk-1',
        eventTime: new Date((NOW_SECONDS - 600) * 1000),
        payload: event,
        status: 'queued',
        userDataKeys: ['client_ip_address', 'client_user_agent', 'em'],
        droppedUserData: [],
        withoutConsentSignal: true,
      },
    ]);
  });

  it('writes one row per pixel per event', () => {
    const rows = plan({
      pixels: [pixel({ id: 'px-1' }), pixel({ id: 'px-2' })],
      built: [built(sendablePurchase({ event_id: 'a' })), built(sendablePurchase({ event_id: 'b' }))],
    });
    expect(rows.map((row) => [row.pixelConfigId, row.eventId, row.status])).toEqual([
      ['px-1', 'a', 'queued'],
      ['px-2', 'a', 'queued'],
      ['px-1', 'b', 'queued'],
      ['px-2', 'b', 'queued'],
    ]);
  });

  it('keeps one skipped no_pixel row per event for a store without a pixel', () => {
    const rows = plan({ pixels: [], built: [built(sendablePurchase({ event_id: 'a' })), built(sendablePurchase({ event_id: 'b' }))] });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ pixelConfigId: null, status: 'skipped', reason: 'no_pixel' });
      expect(row.reasonDetail).toMatch(/No Meta pixel/);
    }
  });

  it('skips a pixel that lacks its pixel id or token as no_pixel', () => {
    expect(plan({ pixels: [pixel({ pixelId: null })] })[0]).toMatchObject({ pixelConfigId: 'px-1', status: 'skipped', reason: 'no_pixel' });
    expect(plan({ pixels: [pixel({ accessTokenCiphertext: null })] })[0]).toMatchObject({ status: 'skipped', reason: 'no_pixel' });
  });

  it('skips events of a disabled pixel and events toggled off, per pixel', () => {
    const rows = plan({
      pixels: [pixel({ id: 'off', enabled: false }), pixel({ id: 'no-purchase', events: { Purchase: false, InitiateCheckout: true, AddToCart: true, ViewContent: true, AddPaymentInfo: true } }), pixel({ id: 'on' })],
    });
    expect(rows.map((row) => [row.pixelConfigId, row.status, row.reason])).toEqual([
      ['off', 'skipped', 'disabled'],
      ['no-purchase', 'skipped', 'disabled'],
      ['on', 'queued', undefined],
    ]);
    expect(rows[0]?.reasonDetail).toMatch(/turned off/);
    expect(rows[1]?.reasonDetail).toMatch(/Purchase events is turned off/);
  });

  it('skips with the adapter\'s own reason and detail', () => {
    const [row] = plan({ skip: { reason: 'test_order', detail: 'Shopify marked this as a test order.' } });
    expect(row).toMatchObject({ status: 'skipped', reason: 'test_order', reasonDetail: 'Shopify marked this as a test order.' });
  });

  it('skips as no_consent when the shopper declined marketing, and sends when consent is given or unknown', () => {
    expect(plan({ consent: { marketing: false } })[0]).toMatchObject({ status: 'skipped', reason: 'no_consent' });
    expect(plan({ consent: { marketing: true } })[0]?.status).toBe('queued');
    expect(plan({ consent: {} })[0]?.status).toBe('queued');
  });

  it('marks an event past Meta\'s window expired/too_old instead of queueing it', () => {
    const [row] = plan({ built: [built(sendablePurchase({ event_time: NOW_SECONDS - MAX_EVENT_AGE_SECONDS - 1 }))] });
    expect(row).toMatchObject({ status: 'expired', reason: 'too_old' });
    expect(row?.reasonDetail).toMatch(/up to 7 days old/);
  });

  it('skips an event Meta would refuse as invalid, with every message in the detail', () => {
    const event = sendablePurchase({ custom_data: { value: 10 }, user_data: { client_user_agent: 'Mozilla/5.0' } });
    const [row] = plan({ built: [built(event)] });
    expect(row).toMatchObject({ status: 'skipped', reason: 'invalid' });
    expect(row?.reasonDetail).toMatch(/currency/i);
    expect(row?.reasonDetail).toMatch(/too little to match|no customer information/);
  });

  it('holds a website event without user agent or page URL as needs_browser_context, naming what is missing', () => {
    const noAgent = sendablePurchase({ user_data: { em: [sha256Hex('jane@example.com')] } });
    const noUrl = sendablePurchase({ event_source_url: undefined });
    const neither = sendablePurchase({ event_source_url: undefined, user_data: { em: [sha256Hex('jane@example.com')] } });
    const details = [noAgent, noUrl, neither].map((event) => {
      const [row] = plan({ built: [built(event)] });
      expect(row).toMatchObject({ status: 'skipped', reason: 'needs_browser_context' });
      expect(row?.reasonDetail).toMatch(/storefront pixel/);
      expect(row?.reasonDetail).not.toMatch(/too little/);
      return row?.reasonDetail;
    });
    expect(details[0]).toMatch(/client_user_agent/);
    expect(details[0]).not.toMatch(/event_source_url/);
    expect(details[1]).toMatch(/event_source_url/);
    expect(details[1]).not.toMatch(/client_user_agent/);
    expect(details[2]).toMatch(/event_source_url/);
    expect(details[2]).toMatch(/client_user_agent/);
  });

  it('holds a website event as needs_browser_context when the missing browser data also leaves too little customer information', () => {
    // A cart webhook: no customer, no user agent, no page. The pixel's IP, user agent and cookies cure all of it.
    const cart = sendablePurchase({ event_source_url: undefined, user_data: {} });
    const [row] = plan({ built: [built(cart)] });
    expect(row).toMatchObject({ status: 'skipped', reason: 'needs_browser_context' });
    expect(row?.reasonDetail).toMatch(/too little for Meta to match/);
  });

  it('keeps too little customer information invalid when the browser context is already there', () => {
    const event = sendablePurchase({ user_data: { client_user_agent: 'Mozilla/5.0', ct: [sha256Hex('berlin')] } });
    expect(plan({ built: [built(event)] })[0]).toMatchObject({ status: 'skipped', reason: 'invalid' });
  });

  it('prefers invalid over needs_browser_context when something else is wrong too', () => {
    const noCurrency = sendablePurchase({ event_source_url: undefined, custom_data: { value: 10 } });
    const unhashed = sendablePurchase({ user_data: { em: ['jane@example.com'] } });
    for (const event of [noCurrency, unhashed]) {
      const [row] = plan({ built: [built(event)] });
      expect(row?.reason).toBe('invalid');
    }
    expect(plan({ built: [built(noCurrency)] })[0]?.reasonDetail).toMatch(/currency/i);
  });

  it('marks an event past Meta\'s window expired even when it also waits for the browser', () => {
    const event = sendablePurchase({ event_time: NOW_SECONDS - MAX_EVENT_AGE_SECONDS - 1, event_source_url: undefined, user_data: {} });
    expect(plan({ built: [built(event)] })[0]).toMatchObject({ status: 'expired', reason: 'too_old' });
  });

  it('lets settings and the adapter\'s reason win over needs_browser_context', () => {
    const event = sendablePurchase({ event_source_url: undefined, user_data: {} });
    expect(plan({ built: [built(event)], pixels: [pixel({ enabled: false })] })[0]?.reason).toBe('disabled');
    expect(plan({ built: [built(event)], skip: { reason: 'test_order', detail: 'A test order.' } })[0]?.reason).toBe('test_order');
  });

  it('does not need browser context for events that did not happen on a website', () => {
    const event = sendablePurchase({ action_source: 'physical_store', event_source_url: undefined, user_data: { em: [sha256Hex('jane@example.com')] } });
    expect(plan({ built: [built(event)] })[0]?.status).toBe('queued');
  });

  it('lists only user_data keys that carry a value', () => {
    const event = sendablePurchase({ user_data: { em: [sha256Hex('a@b.co')], ph: [], client_user_agent: 'Mozilla/5.0', fbp: '' } });
    expect(plan({ built: [built(event)] })[0]?.userDataKeys).toEqual(['client_user_agent', 'em']);
  });

  it('lists the customer data left out, by key and reason, once per reason, and still queues the event', () => {
    const { userData, dropped } = hashUserData(
      {
        em: ['john smith@example.com', 'jane doe@example.com', 'jane@localhost', 'ok@example.com'],
        fbc: 'fb.1.1554763741.IwAR2xYz',
        fbp: 'fb.1.1596403881668.not-a-number',
        client_user_agent: 'Mozilla/5.0',
        client_ip_address: '203.0.113.9',
      },
      { country: 'US' },
    );
    const [row] = plan({ built: [{ ...built(sendablePurchase({ user_data: userData })), dropped }] });
    expect(row?.status).toBe('queued');
    expect(row?.userDataKeys).toEqual(['client_ip_address', 'client_user_agent', 'em']);
    expect(row?.droppedUserData).toEqual([
      { field: 'em', reason: 'email is not an email address (it contains a space)' },
      { field: 'em', reason: 'email is not an email address (its domain has no dot between two names)' },
      { field: 'fbc', reason: 'fbc creation time is not Unix milliseconds (it looks like seconds)' },
      { field: 'fbp', reason: 'fbp random part is not a number' },
    ]);
    expect(JSON.stringify(row?.droppedUserData)).not.toMatch(/john|jane|IwAR/);
  });

  it('omits customerRef when none is given', () => {
    expect(plan()[0]).not.toHaveProperty('customerRef');
  });

  it('adds Limited Data Use per pixel as its setting says, and for a shopper who opted out of the sale of data', () => {
    const rows = plan({ pixels: [pixel({ id: 'off' }), pixel({ id: 'geo', limitedDataUse: 'geolocate' }), pixel({ id: 'ca', limitedDataUse: 'california' })] });
    expect(rows.map((row) => [row.payload.data_processing_options, row.payload.data_processing_options_country, row.payload.data_processing_options_state])).toEqual([
      [undefined, undefined, undefined],
      [['LDU'], 0, 0],
      [['LDU'], 1, 1000],
    ]);
    expect(rows.map((row) => row.status)).toEqual(['queued', 'queued', 'queued']);
    const [optedOut] = plan({ consent: { marketing: true, saleOfData: false } });
    expect(optedOut?.payload).toMatchObject({ data_processing_options: ['LDU'], data_processing_options_country: 0, data_processing_options_state: 0 });
  });

  describe('an event without any consent signal', () => {
    const ldu = (row: { payload: ServerEvent } | undefined) => [row?.payload.data_processing_options, row?.payload.data_processing_options_country, row?.payload.data_processing_options_state];

    it("follows the shop's region until the merchant chooses: kept in the EEA, UK and Switzerland, LDU in the US, sent elsewhere", () => {
      const [german, british, swiss] = ['DE', 'gb', 'CH'].map((shopCountry) => plan({ shopCountry })[0]);
      for (const row of [german, british, swiss]) expect(row).toMatchObject({ status: 'skipped', reason: 'no_consent_signal', withoutConsentSignal: true });
      expect(german?.reasonDetail).toBe(
        "No consent signal came with this event (the storefront pixel had not reported the shopper's choice), and keeping such events is the default for a shop in the EEA, the UK or Switzerland, where marketing tracking needs consent first. It is sent if the storefront pixel reports the shopper's consent later. Change this under \"Events without a consent signal\" in settings.",
      );
      const american = plan({ shopCountry: 'US' })[0];
      expect(american).toMatchObject({ status: 'queued', withoutConsentSignal: true });
      expect(ldu(american)).toEqual([['LDU'], 0, 0]);
      for (const shopCountry of ['CA', null, undefined]) {
        const row = plan({ shopCountry })[0];
        expect(row?.status).toBe('queued');
        expect(ldu(row)).toEqual([undefined, undefined, undefined]);
      }
    });

    it("applies the merchant's choice whatever the region, and says it was theirs", () => {
      expect(plan({ shopCountry: 'DE', pixels: [pixel({ noConsentSignal: 'send' })] })[0]).toMatchObject({ status: 'queued' });
      const flagged = plan({ shopCountry: 'DE', pixels: [pixel({ noConsentSignal: 'limited_data_use' })] })[0];
      expect(ldu(flagged)).toEqual([['LDU'], 0, 0]);
      const kept = plan({ shopCountry: 'CA', pixels: [pixel({ noConsentSignal: 'keep' })] })[0];
      expect(kept).toMatchObject({ status: 'skipped', reason: 'no_consent_signal' });
      expect(kept?.reasonDetail).toContain('your consent setting keeps such events');
      // The pixel's own Limited Data Use setting still decides the flag's country and state.
      expect(ldu(plan({ shopCountry: 'US', pixels: [pixel({ limitedDataUse: 'california' })] })[0])).toEqual([['LDU'], 1, 1000]);
    });

    it('is not one with any consent flag: the signal decides, and LDU follows only a sale-of-data opt-out', () => {
      const allowed = plan({ shopCountry: 'DE', consent: { marketing: true } })[0];
      expect(allowed?.status).toBe('queued');
      expect(allowed).not.toHaveProperty('withoutConsentSignal');
      const american = plan({ shopCountry: 'US', consent: { marketing: true, saleOfData: true } })[0];
      expect(ldu(american)).toEqual([undefined, undefined, undefined]);
      const optedOut = plan({ shopCountry: 'DE', consent: { saleOfData: false } })[0];
      expect(optedOut?.status).toBe('queued');
      expect(ldu(optedOut)).toEqual([['LDU'], 0, 0]);
    });

    it("lets the adapter's reason and a refusal outrank it, and tells in-store sales apart", () => {
      expect(plan({ shopCountry: 'DE', skip: { reason: 'test_order', detail: 'A test order.' } })[0]?.reason).toBe('test_order');
      expect(plan({ shopCountry: 'DE', consent: { marketing: false } })[0]?.reason).toBe('no_consent');
      const inStore = plan({ shopCountry: 'FR', built: [built(sendablePurchase({ action_source: 'physical_store' }))] })[0];
      expect(inStore).toMatchObject({ reason: 'no_consent_signal' });
      expect(inStore?.reasonDetail).toContain('No browser reports consent for this kind of sale.');
    });
  });

  it('lets a website event wait for its twin only with a stitch wait, and only when queued', () => {
    const waiting = plan({ awaitingTwin: 'browser', stitchWaitMs: 60_000 })[0];
    expect(waiting).toMatchObject({ status: 'queued', awaitingTwin: 'browser', dueAt: new Date(NOW.getTime() + 60_000) });
    expect(plan({ awaitingTwin: 'browser', stitchWaitMs: 0 })[0]).not.toHaveProperty('awaitingTwin');
    const kept = plan({ awaitingTwin: 'browser', stitchWaitMs: 60_000, built: [built(sendablePurchase({ event_source_url: undefined }))] })[0];
    expect(kept).toMatchObject({ status: 'skipped', reason: 'needs_browser_context', awaitingTwin: 'browser' });
    expect(kept).not.toHaveProperty('dueAt');
    const inStore = plan({ awaitingTwin: 'browser', stitchWaitMs: 60_000, built: [built(sendablePurchase({ action_source: 'physical_store' }))] })[0];
    expect(inStore).not.toHaveProperty('awaitingTwin');
  });
});
