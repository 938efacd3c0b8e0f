import type { ServerEvent } from '../meta/wire';
import { sha256Hex } from '../testing/sha256-hex';
import { NOW, NOW_SECONDS, sendablePurchase } from './__tests__/sendable-purchase';
import {
  isExpired,
  isSendable,
  MAX_EVENT_AGE_SECONDS,
  MAX_PHYSICAL_STORE_EVENT_AGE_SECONDS,
  sendDeadline,
  validateEvent,
  type ValidationCode,
} from '.';

const codes = (event: ServerEvent, opts: Parameters<typeof validateEvent>[1] = {}): ValidationCode[] =>
  validateEvent(event, { now: NOW, ...opts }).map((issue) => issue.code);

describe('validateEvent', () => {
  it('finds nothing wrong with a complete website Purchase', () => {
    const issues = validateEvent(sendablePurchase(), { now: NOW, allowedHosts: ['example.com'] });
    expect(issues).toEqual([]);
    expect(isSendable(issues)).toBe(true);
  });

  describe('event_time', () => {
    it('reports a website event older than 6 days 23 hours as too_old, and it counts as expired', () => {
      const justInside = sendablePurchase({ event_time: NOW_SECONDS - MAX_EVENT_AGE_SECONDS });
      const justOutside = sendablePurchase({ event_time: NOW_SECONDS - MAX_EVENT_AGE_SECONDS - 1 });
      expect(codes(justInside)).toEqual([]);
      const issues = validateEvent(justOutside, { now: NOW });
      expect(issues.map((issue) => issue.code)).toEqual(['too_old']);
      expect(issues[0]?.message).toContain('up to 7 days old');
      expect(isExpired(issues)).toBe(true);
      expect(isSendable(issues)).toBe(false);
    });

    it('allows physical_store events up to 62 days minus the margin', () => {
      const store = { action_source: 'physical_store' as const, event_source_url: undefined };
      expect(codes(sendablePurchase({ ...store, event_time: NOW_SECONDS - 30 * 86400 }))).toEqual([]);
      expect(codes(sendablePurchase({ ...store, event_time: NOW_SECONDS - MAX_PHYSICAL_STORE_EVENT_AGE_SECONDS - 1 }))).toEqual(['too_old']);
      expect(MAX_PHYSICAL_STORE_EVENT_AGE_SECONDS).toBe(62 * 86400 - 3600);
    });

    it('accepts five minutes of clock skew and reports anything further ahead as future_time', () => {
      expect(codes(sendablePurchase({ event_time: NOW_SECONDS + 300 }))).toEqual([]);
      const issues = validateEvent(sendablePurchase({ event_time: NOW_SECONDS + 301 }), { now: NOW });
      expect(issues.map((issue) => issue.code)).toEqual(['future_time']);
      expect(isExpired(issues)).toBe(false);
    });

    it('reports fractional, missing and millisecond timestamps', () => {
      expect(codes(sendablePurchase({ event_time: NOW_SECONDS + 0.5 }))).toEqual(['bad_event_time']);
      expect(codes(sendablePurchase({ event_time: 0 }))).toEqual(['bad_event_time']);
      const issues = validateEvent(sendablePurchase({ event_time: NOW.getTime() }), { now: NOW });
      expect(issues).toEqual([expect.objectContaining({ code: 'bad_event_time', message: expect.stringContaining('milliseconds') })]);
    });
  });

  describe('website requirements', () => {
    it('requires the page URL and the user agent', () => {
      const event = sendablePurchase({ event_source_url: undefined, user_data: { em: [sha256Hex('a@b.co')] } });
      expect(codes(event)).toEqual(['missing_source_url', 'missing_user_agent']);
    });

    it('does not require them for a physical_store event', () => {
      const event = sendablePurchase({ action_source: 'physical_store', event_source_url: undefined, user_data: { em: [sha256Hex('a@b.co')] } });
      expect(codes(event)).toEqual([]);
    });

    it('requires an absolute http(s) page URL', () => {
      expect(codes(sendablePurchase({ event_source_url: '/checkouts/thank-you' }))).toEqual(['bad_source_url']);
      expect(codes(sendablePurchase({ event_source_url: 'ftp://shop.example.com/x' }))).toEqual(['bad_source_url']);
      expect(codes(sendablePurchase({ event_source_url: 'http://shop.example.com/x' }))).toEqual([]);
    });

    it('requires the page to be on an allowed host or its subdomain, naming only the host', () => {
      const allowedHosts = ['shop.example.com', 'example.myshopify.com'];
      expect(codes(sendablePurchase({ event_source_url: 'https://www.shop.example.com/x' }), { allowedHosts })).toEqual([]);
      expect(codes(sendablePurchase({ event_source_url: 'https://EXAMPLE.myshopify.com/x' }), { allowedHosts })).toEqual([]);
      const issues = validateEvent(sendablePurchase({ event_source_url: 'https://evil-shop.example.com.attacker.io/p?email=jane@example.com' }), {
        now: NOW,
        allowedHosts,
      });
      expect(issues.map((issue) => issue.code)).toEqual(['bad_source_url']);
      expect(issues[0]?.message).toContain('evil-shop.example.com.attacker.io');
      expect(issues[0]?.message).not.toContain('jane@example.com');
      expect(codes(sendablePurchase({ event_source_url: 'https://notshop.example.com/x' }), { allowedHosts: ['shop.example.com'] })).toEqual([
        'bad_source_url',
      ]);
    });
  });

  it('rejects an unknown action source', () => {
    expect(codes(sendablePurchase({ action_source: 'web' as ServerEvent['action_source'] }))).toEqual(['bad_action_source']);
  });

  it('requires a name and an event id', () => {
    expect(codes(sendablePurchase({ event_name: ' ', event_id: '' }))).toEqual(['missing_event_name', 'missing_event_id']);
  });

  describe('user_data', () => {
    it('reports empty customer information', () => {
      const event = sendablePurchase({ action_source: 'physical_store', event_source_url: undefined, user_data: {} });
      expect(codes(event)).toEqual(['insufficient_user_data']);
    });

    it.each([
      ['location, gender and user agent', { ct: [sha256Hex('berlin')], country: [sha256Hex('de')], st: [sha256Hex('be')], zp: [sha256Hex('10115')], ge: [sha256Hex('f')], client_user_agent: 'UA' }],
      ['country and user agent', { country: [sha256Hex('de')], client_user_agent: 'UA' }],
      ['birth date and user agent', { db: [sha256Hex('19900101')], client_user_agent: 'UA' }],
      ['first name and gender', { fn: [sha256Hex('jane')], ge: [sha256Hex('f')] }],
      ['last name alone', { ln: [sha256Hex('doe')] }],
    ])('reports %s as insufficient', (_case, userData) => {
      const issues = validateEvent(sendablePurchase({ action_source: 'physical_store', event_source_url: undefined, user_data: userData }), { now: NOW });
      expect(issues.map((issue) => issue.code)).toEqual(['insufficient_user_data']);
      expect(issues[0]?.message).toContain('too little to match');
    });

    it.each([
      ['first and last name', { fn: [sha256Hex('jane')], ln: [sha256Hex('doe')] }],
      ['IP address and user agent', { client_ip_address: '203.0.113.9', client_user_agent: 'UA' }],
      ['fbp and user agent', { fbp: 'fb.1.1715000000000.1234567890', client_user_agent: 'UA' }],
      ['country and external id', { country: [sha256Hex('de')], external_id: [sha256Hex('42')] }],
    ])('accepts %s', (_case, userData) => {
      expect(codes(sendablePurchase({ action_source: 'physical_store', event_source_url: undefined, user_data: userData }))).toEqual([]);
    });

    it('ignores empty lists when judging what is present', () => {
      const event = sendablePurchase({ action_source: 'physical_store', event_source_url: undefined, user_data: { em: [], country: [sha256Hex('de')] } });
      expect(codes(event)).toEqual(['insufficient_user_data']);
    });

    it('reports values that should be hashed but are not, without repeating them', () => {
      const issues = validateEvent(sendablePurchase({ user_data: { em: ['jane@example.com'], ph: [sha256Hex('4915112345678').toUpperCase()], client_user_agent: 'UA' } }), {
        now: NOW,
      });
      expect(issues.map((issue) => [issue.field, issue.code])).toEqual([
        ['user_data.em', 'unhashed_user_data'],
        ['user_data.ph', 'unhashed_user_data'],
      ]);
      expect(JSON.stringify(issues)).not.toContain('jane@example.com');
    });

    it('accepts hashes carrying a Parameter Builder appendix', () => {
      expect(codes(sendablePurchase({ user_data: { em: [`${sha256Hex('a@b.co')}.AbCdEfGh`], client_user_agent: 'UA' } }))).toEqual([]);
    });
  });

  describe('custom_data', () => {
    it('requires value and currency on a Purchase', () => {
      expect(codes(sendablePurchase({ custom_data: { content_ids: ['7'] } }))).toEqual(['missing_value', 'missing_currency']);
      expect(codes(sendablePurchase({ custom_data: undefined }))).toEqual(['missing_value', 'missing_currency']);
    });

    it('does not require them on other events, but a value still needs its currency', () => {
      expect(codes(sendablePurchase({ event_name: 'AddToCart', custom_data: undefined }))).toEqual([]);
      expect(codes(sendablePurchase({ event_name: 'AddToCart', custom_data: { value: 3 } }))).toEqual(['missing_currency']);
    });

    it('accepts a zero value', () => {
      expect(codes(sendablePurchase({ custom_data: { value: 0, currency: 'USD' } }))).toEqual([]);
    });

    it('reports a non-numeric value and a malformed currency', () => {
      const event = sendablePurchase({ custom_data: { value: '42.50' as unknown as number, currency: 'eur' } });
      expect(codes(event)).toEqual(['bad_value', 'bad_currency']);
      expect(codes(sendablePurchase({ custom_data: { value: Number.NaN, currency: 'EURO' } }))).toEqual(['bad_value', 'bad_currency']);
    });

    it('reports each malformed content by its position', () => {
      const event = sendablePurchase({
        custom_data: {
          value: 1,
          currency: 'USD',
          content_ids: ['7', ''],
          contents: [
            { id: '', quantity: 1 },
            { id: '8', quantity: 1.5, item_price: Number.POSITIVE_INFINITY },
            { id: '9', quantity: 0 },
          ],
          num_items: -1,
        },
      });
      const issues = validateEvent(event, { now: NOW });
      expect(issues.map((issue) => [issue.field, issue.code])).toEqual([
        ['custom_data.contents[0].id', 'bad_contents'],
        ['custom_data.contents[1].quantity', 'bad_contents'],
        ['custom_data.contents[1].item_price', 'bad_contents'],
        ['custom_data.contents[2].quantity', 'bad_contents'],
        ['custom_data.content_ids[1]', 'bad_contents'],
        ['custom_data.num_items', 'bad_contents'],
      ]);
      expect(issues[0]?.message).toBe('Product 1 has no id; Meta needs one for every product.');
    });

    it('accepts product and product_group only as content_type', () => {
      expect(codes(sendablePurchase({ custom_data: { value: 1, currency: 'USD', content_type: 'product_group' } }))).toEqual([]);
      expect(codes(sendablePurchase({ custom_data: { value: 1, currency: 'USD', content_type: 'sku' as 'product' } }))).toEqual(['bad_content_type']);
    });
  });

  describe('data processing options', () => {
    it('accepts LDU off, LDU with geolocation and LDU for California', () => {
      expect(codes(sendablePurchase({ data_processing_options: [] }))).toEqual([]);
      expect(codes(sendablePurchase({ data_processing_options: ['LDU'], data_processing_options_country: 0, data_processing_options_state: 0 }))).toEqual([]);
      expect(codes(sendablePurchase({ data_processing_options: ['LDU'], data_processing_options_country: 1, data_processing_options_state: 1000 }))).toEqual([]);
    });

    it('reports LDU without country or state, and unknown options', () => {
      expect(codes(sendablePurchase({ data_processing_options: ['LDU'] }))).toEqual(['bad_data_processing_options']);
      expect(codes(sendablePurchase({ data_processing_options: ['LDU'], data_processing_options_country: 1 }))).toEqual(['bad_data_processing_options']);
      expect(codes(sendablePurchase({ data_processing_options: ['GDPR'] }))).toEqual(['bad_data_processing_options']);
    });
  });
});

describe('sendDeadline', () => {
  it('is the event time plus the age limit of its action source', () => {
    const eventTime = NOW_SECONDS;
    expect(sendDeadline({ event_time: eventTime, action_source: 'website' })).toEqual(new Date((eventTime + MAX_EVENT_AGE_SECONDS) * 1000));
    expect(sendDeadline({ event_time: eventTime, action_source: 'physical_store' }).toISOString()).toBe('2026-05-11T11:00:00.000Z');
  });
});
