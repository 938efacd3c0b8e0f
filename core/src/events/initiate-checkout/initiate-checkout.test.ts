import type { Checkout } from '../../model/commerce';
import { sha256Hex } from '../../testing/sha256-hex';
import { buildInitiateCheckout } from '.';

const checkout: Checkout = {
  token: 'bd5a8aa1ecd019dd3520ff791ee3a24c',
  cartToken: 'c1-7a2abe82733a34e84aa472d57fb5c3c1',
  createdAt: new Date('2026-03-10T10:30:00Z'),
  total: { amount: '421.88', currency: 'usd' },
  email: 'bob@example.com',
  billingAddress: { firstName: 'Bob', lastName: 'Biller', city: 'Louisville', provinceCode: 'KY', zip: '40202', countryCode: 'US', phone: '(502) 555-0100' },
  lineItems: [
    { variantId: '808950810', productId: '632910392', quantity: 2, unitPrice: { amount: '199.00', currency: 'USD' } },
  ],
  browser: { fbp: 'fb.1.1715000000000.1234567890', userAgent: 'Mozilla/5.0', pageUrl: 'https://shop.example.com/checkouts/cn/x' },
};

describe('buildInitiateCheckout', () => {
  it('builds the Meta payload from a checkout, identified by its token', () => {
    const built = buildInitiateCheckout(checkout);
    expect(built.event).toEqual({
      event_name: 'InitiateCheckout',
      event_time: Date.parse('2026-03-10T10:30:00Z') / 1000,
      event_id: 'initiate_checkout:bd5a8aa1ecd019dd3520ff791ee3a24c',
      action_source: 'website',
      event_source_url: 'https://shop.example.com/checkouts/cn/x',
      user_data: {
        em: [sha256Hex('bob@example.com')],
        ph: [sha256Hex('15025550100')],
        fn: [sha256Hex('bob')],
        ln: [sha256Hex('biller')],
        ct: [sha256Hex('louisville')],
        st: [sha256Hex('ky')],
        zp: [sha256Hex('40202')],
        country: [sha256Hex('us')],
        client_user_agent: 'Mozilla/5.0',
        fbp: 'fb.1.1715000000000.1234567890',
      },
      custom_data: {
        value: 421.88,
        currency: 'USD',
        content_ids: ['808950810'],
        contents: [{ id: '808950810', quantity: 2, item_price: 199 }],
        content_type: 'product',
        num_items: 2,
      },
    });
    expect(built.sourceId).toBe('bd5a8aa1ecd019dd3520ff791ee3a24c');
    expect(built.tokens).toEqual({ cartToken: 'c1-7a2abe82733a34e84aa472d57fb5c3c1', checkoutToken: 'bd5a8aa1ecd019dd3520ff791ee3a24c' });
  });
});
