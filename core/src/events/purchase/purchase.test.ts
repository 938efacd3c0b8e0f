import type { Order } from '../../model/commerce';
import { JANE_DOE_HASHED } from '../../testing/jane-doe';
import { sha256Hex } from '../../testing/sha256-hex';
import { buildPurchase } from '.';

const NOW = new Date('2026-03-10T12:00:00Z');

function order(overrides: Partial<Order> = {}): Order {
  return {
    id: '820982911946154508',
    name: '#1001',
    createdAt: new Date('2026-03-10T11:00:00.400Z'),
    total: { amount: '372.55', currency: 'eur' },
    email: ' Jane.Doe@Example.com ',
    phone: '+49 151 12345678',
    customer: { id: '115310627314723954', email: 'jane@account.example', firstName: 'Jane', lastName: 'Doe' },
    billingAddress: { firstName: 'J.', lastName: 'D.', city: 'Berlin', province: 'Berlin', provinceCode: 'BE', zip: '10115', country: 'Germany', countryCode: 'DE' },
    shippingAddress: { firstName: 'Max', lastName: 'Mustermann', city: 'Hamburg', zip: '20095', countryCode: 'DE' },
    lineItems: [
      { variantId: '808950810', productId: '788032119674292922', sku: 'SKU-1', quantity: 2, unitPrice: { amount: '82.79', currency: 'EUR' } },
      { productId: '788032119674292923', quantity: 1, unitPrice: { amount: '206.97', currency: 'EUR' } },
    ],
    channel: 'online',
    browser: {
      ipAddress: '2001:db8::1',
      userAgent: 'Mozilla/5.0 (Macintosh)',
      fbp: 'fb.1.1715000000000.1234567890',
      fbc: 'fb.1.1715000000000.IwAR2xExAmPlE',
      fbclid: 'IgnoredBecauseTheCookieWins',
      pageUrl: 'https://shop.example.com/orders/abc',
      referrerUrl: 'https://shop.example.com/checkouts/cn/abc',
    },
    ...overrides,
  };
}

describe('buildPurchase', () => {
  it('builds the full Meta payload from an online order', () => {
    const built = buildPurchase(order(), { now: NOW });

    expect(built.event).toEqual({
      event_name: 'Purchase',
      event_time: Date.parse('2026-03-10T11:00:00Z') / 1000,
      event_id: 'purchase:820982911946154508',
      action_source: 'website',
      event_source_url: 'https://shop.example.com/orders/abc',
      referrer_url: 'https://shop.example.com/checkouts/cn/abc',
      user_data: {
        ...JANE_DOE_HASHED,
        client_ip_address: '2001:db8::1',
        client_user_agent: 'Mozilla/5.0 (Macintosh)',
        fbp: 'fb.1.1715000000000.1234567890',
        fbc: 'fb.1.1715000000000.IwAR2xExAmPlE',
      },
      custom_data: {
        value: 372.55,
        currency: 'EUR',
        content_ids: ['808950810', '788032119674292923'],
        contents: [
          { id: '808950810', quantity: 2, item_price: 82.79 },
          { id: '788032119674292923', quantity: 1, item_price: 206.97 },
        ],
        content_type: 'product',
        num_items: 3,
        order_id: '820982911946154508',
      },
    });
    expect(built.sourceId).toBe('820982911946154508');
    expect(buildPurchase({ ...order(), cartToken: 'cart-1', checkoutToken: 'chk-1' }, { now: NOW }).tokens).toEqual({ cartToken: 'cart-1', checkoutToken: 'chk-1' });
    expect(built.dropped).toEqual([]);
    expect(built.skippedLines).toEqual([]);
  });

  it('gives a redelivered order the same event id', () => {
    expect(buildPurchase(order()).event.event_id).toBe(buildPurchase(order({ total: { amount: '1.00', currency: 'EUR' } })).event.event_id);
  });

  it('sends point-of-sale orders as physical_store events', () => {
    const built = buildPurchase(order({ channel: 'pos', browser: undefined }), { now: NOW });
    expect(built.event.action_source).toBe('physical_store');
    expect(built.event).not.toHaveProperty('event_source_url');
    expect(built.event).not.toHaveProperty('referrer_url');
    expect(built.event.user_data).not.toHaveProperty('client_user_agent');
  });

  it('sends orders staff entered for a customer as other events', () => {
    expect(buildPurchase(order({ channel: 'staff', browser: undefined }), { now: NOW }).event.action_source).toBe('other');
  });

  it('builds fbc from the click id and when it was seen, in milliseconds, when no cookie exists', () => {
    const browser = { fbclid: 'IwAR2xExAmPlE', fbclidSeenAt: new Date('2026-03-09T08:00:00.123Z') };
    expect(buildPurchase(order({ browser })).event.user_data.fbc).toBe(`fb.1.${Date.parse('2026-03-09T08:00:00.123Z')}.IwAR2xExAmPlE`);
  });

  it('dates a click id seen at an unknown time by the order itself', () => {
    const built = buildPurchase(order({ browser: { fbclid: 'IwAR2xExAmPlE' } }));
    expect(built.event.user_data.fbc).toBe(`fb.1.${Date.parse('2026-03-10T11:00:00.400Z')}.IwAR2xExAmPlE`);
  });

  it('falls back to the customer, then billing, then shipping for each missing value', () => {
    const built = buildPurchase(
      order({
        email: undefined,
        phone: undefined,
        customer: { id: '7' },
        billingAddress: { firstName: 'Jane', phone: '030 1234567', countryCode: 'DE' },
        shippingAddress: { lastName: 'Doe' },
      }),
    );
    expect(built.event.user_data).toMatchObject({
      fn: [sha256Hex('jane')],
      ln: [sha256Hex('doe')],
      ph: [sha256Hex('49301234567')],
      country: [sha256Hex('de')],
    });
    expect(buildPurchase(order({ email: '' })).event.user_data.em).toEqual([sha256Hex('jane@account.example')]);
  });

  it('takes the whole location from the shipping address when billing has none', () => {
    const built = buildPurchase(order({ billingAddress: { firstName: 'Jane' }, shippingAddress: { city: 'Austin', province: 'Texas', zip: '78701-1234', countryCode: 'US' } }));
    expect(built.event.user_data).toMatchObject({ ct: [sha256Hex('austin')], st: [sha256Hex('tx')], zp: [sha256Hex('78701')], country: [sha256Hex('us')] });
  });

  it('reports customer data normalization refused, and omits it', () => {
    const built = buildPurchase(order({ email: 'not-an-email', customer: undefined }));
    expect(built.event.user_data).not.toHaveProperty('em');
    expect(built.dropped).toEqual([{ field: 'em', reason: expect.any(String) }]);
  });

  it.each([
    ['fbc with a creation time in seconds', { fbc: 'fb.1.1715000000.IwAR2xExAmPlE' }, 'fbc'],
    ['fbc with a bare click id', { fbc: 'IwAR2xExAmPlE' }, 'fbc'],
    ['fbp with a non-numeric random part', { fbp: 'fb.1.1715000000000.abc' }, 'fbp'],
    ['fbp with a creation time in seconds', { fbp: 'fb.1.1715000000.1234567890' }, 'fbp'],
  ] as const)('drops %s with its reason and still builds the event with the other keys', (_name, cookie, field) => {
    const built = buildPurchase(order({ browser: { ...order().browser, ...cookie } }), { now: NOW });
    expect(built.event.user_data).not.toHaveProperty(field);
    expect(built.event.user_data).toMatchObject({ em: JANE_DOE_HASHED.em, client_ip_address: '2001:db8::1' });
    expect(built.dropped).toEqual([{ field, reason: expect.stringMatching(new RegExp(`^${field} `)) }]);
  });

  it('uppercases an ASCII currency but keeps one that is not three ASCII letters as it came, for validation to report', () => {
    expect(buildPurchase(order({ total: { amount: '1.00', currency: ' usd ' } })).event.custom_data?.currency).toBe('USD');
    expect(buildPurchase(order({ total: { amount: '1.00', currency: '\ufb00x' } })).event.custom_data?.currency).toBe('\ufb00x');
  });

  it('clamps an order timestamp slightly ahead of the server clock to now', () => {
    const built = buildPurchase(order({ createdAt: new Date(NOW.getTime() + 90_000) }), { now: NOW });
    expect(built.event.event_time).toBe(NOW.getTime() / 1000);
  });

  it('reports a line nothing identifies and still counts its units', () => {
    const built = buildPurchase(order({ lineItems: [{ title: 'Custom engraving', quantity: 1, unitPrice: { amount: '5.00', currency: 'EUR' } }] }));
    expect(built.event.custom_data).toEqual({ value: 372.55, currency: 'EUR', num_items: 1, order_id: '820982911946154508' });
    expect(built.skippedLines).toEqual([{ index: 0, reason: expect.stringContaining('no variant id') }]);
  });
});
