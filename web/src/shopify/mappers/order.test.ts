import { fixtureBody } from '../../../test/support/shopify-signing';
import { mapOrder } from './order';
import { parseShopifyJson } from './parse-shopify-json';
import { ShopifyPayloadError } from './payload-error';

const variant = fixtureBody('orders-paid.capi-variant.json');

function editedVariant(edit: (payload: Record<string, unknown>) => void): Record<string, unknown> {
  const payload = parseShopifyJson(variant) as Record<string, unknown>;
  edit(payload);
  return payload;
}

describe('mapOrder', () => {
  it('maps a paid online order, in the buyer currency, with its browser traces', () => {
    const { order, isTest, isCancelled } = mapOrder(variant);
    const eur = (amount: string) => ({ amount, currency: 'EUR' });
    const line = (variantId: string, productId: string | undefined, sku: string, title: string, price: string) => ({
      variantId,
      ...(productId ? { productId } : {}),
      sku,
      title,
      quantity: 1,
      unitPrice: eur(price),
    });
    const berlin = {
      firstName: 'Jane',
      lastName: 'Doe',
      city: 'Berlin',
      province: 'Berlin',
      provinceCode: 'BE',
      zip: '10115',
      country: 'Germany',
      countryCode: 'DE',
      phone: '+4915112345678',
    };

    expect(order).toEqual({
      id: '820982911946154508',
      name: '#9999',
      createdAt: new Date('2022-01-01T00:00:00Z'),
      total: eur('372.55'),
      email: 'jane.doe@example.com',
      phone: '+4915112345678',
      customer: { id: '115310627314723954', email: 'jane.doe@example.com', phone: '+4915112345678', firstName: 'Jane', lastName: 'Doe' },
      billingAddress: berlin,
      shippingAddress: berlin,
      lineItems: [
        line('808950810', '788032119674292922', 'SKU2006-001', 'Aviator sunglasses', '82.79'),
        line('49148385', undefined, 'LENS-PROTECT-2YR', 'Lens Protection Plan (2 Year)', '18.39'),
        line('457924702', undefined, 'CASE-LEATHER-PREM', 'Premium Leather Case', '22.99'),
        line('39072856', '788032119674292922', 'SKU2006-020', 'Mid-century lounger', '147.19'),
        line('642667041', '788032119674292922', 'SKU2006-035', 'Coffee table', '110.39'),
      ],
      channel: 'online',
      checkoutToken: 'bd5a8aa1ecd019dd3520ff791ee3a24c',
      cartToken: 'c1-7a2abe82733a34e84aa472d57fb5c3c1',
      browser: {
        ipAddress: '203.0.113.42',
        userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
        pageUrl: 'https://jsmith.myshopify.com/548380009/orders/123456abcd/authenticate',
        fbclid: 'IwAR2xExAmPlEfBcLiD0123456789',
        fbp: 'fb.1.1715000000000.1234567890',
        fbc: 'fb.1.1715000000000.IwAR2xExAmPlEfBcLiD0123456789',
      },
    });
    expect(isTest).toBe(false);
    expect(isCancelled).toBe(false);
  });

  it('reports in the shop currency when asked, prices included', () => {
    const { order } = mapOrder(variant, { money: 'shop' });
    expect(order.total).toEqual({ amount: '404.95', currency: 'USD' });
    expect(order.lineItems.map((line) => line.unitPrice)).toEqual(
      ['89.99', '19.99', '24.99', '159.99', '119.99'].map((amount) => ({ amount, currency: 'USD' })),
    );
  });

  it('falls back to the top-level shop amounts when the money sets are absent', () => {
    const payload = editedVariant((order) => {
      delete order.total_price_set;
      for (const line of order.line_items as Record<string, unknown>[]) delete line.price_set;
    });
    const { order } = mapOrder(payload);
    expect(order.total).toEqual({ amount: '404.95', currency: 'USD' });
    expect(order.lineItems[0]?.unitPrice).toEqual({ amount: '89.99', currency: 'USD' });
  });

  it('maps Shopify’s own sample: test and cancelled flags, lines without variants, no browser data', () => {
    const { order, isTest, isCancelled } = mapOrder(fixtureBody('orders-paid.json'));
    expect(isTest).toBe(true);
    expect(isCancelled).toBe(true);
    expect(order.lineItems.map(({ variantId, productId, sku }) => ({ variantId, productId, sku }))).toEqual([
      { variantId: undefined, productId: '788032119674292922', sku: 'SKU2006-001' },
      { variantId: undefined, productId: undefined, sku: 'LENS-PROTECT-2YR' },
      { variantId: undefined, productId: undefined, sku: 'CASE-LEATHER-PREM' },
      { variantId: undefined, productId: '788032119674292922', sku: 'SKU2006-020' },
      { variantId: undefined, productId: '788032119674292922', sku: 'SKU2006-035' },
    ]);
    expect(order.email).toBe('jon@example.com');
    expect(order.browser).toEqual({ pageUrl: 'https://jsmith.myshopify.com/548380009/orders/123456abcd/authenticate' });
    expect(order).not.toHaveProperty('cartToken');
  });

  it('takes the contact email of a guest checkout and the POS channel', () => {
    const payload = editedVariant((order) => {
      order.email = null;
      order.source_name = 'pos';
    });
    const { order } = mapOrder(payload);
    expect(order.email).toBe('jane.doe@example.com');
    expect(order.channel).toBe('pos');
  });

  it('keeps the order id exact from the gid even when the numeric id was rounded', () => {
    const payload = editedVariant((order) => {
      order.id = 820982911946154500;
    });
    expect(mapOrder(payload).order.id).toBe('820982911946154508');
  });

  it('refuses a body that JSON.parse already rounded, naming the first damaged id', () => {
    const lossy: unknown = JSON.parse(variant);
    expect(() => mapOrder(lossy)).toThrow(ShopifyPayloadError);
    expect(() => mapOrder(lossy)).toThrow('line_items[0].product_id (788032119674292900) was rounded');
  });

  it.each([
    ['created_at', (order: Record<string, unknown>) => delete order.created_at, 'Shopify payload field created_at is missing'],
    ['created_at', (order: Record<string, unknown>) => (order.created_at = 'yesterday'), 'created_at ("yesterday") is not a date'],
    ['total', (order: Record<string, unknown>) => { delete order.total_price_set; delete order.total_price; }, 'total_price and total_price_set are missing'],
    ['amount', (order: Record<string, unknown>) => { delete order.total_price_set; order.total_price = '404,95'; }, 'total_price ("404,95") is not a decimal amount'],
    ['quantity', (order: Record<string, unknown>) => ((order.line_items as Record<string, unknown>[])[1]!.quantity = 1.5), 'line_items[1].quantity (1.5) is not a whole number'],
  ])('refuses a payload with a bad %s and says which field', (_case, edit, message) => {
    expect(() => mapOrder(editedVariant(edit))).toThrow(message);
  });

  it('refuses a body that is not a JSON object', () => {
    expect(() => mapOrder('[]')).toThrow('Shopify payload field (body) of a orders webhook is not a JSON object');
  });
});
