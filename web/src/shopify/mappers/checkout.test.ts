import { fixtureBody } from '../../../test/support/shopify-signing';
import { mapCheckout } from './checkout';
import { parseShopifyJson } from './parse-shopify-json';

describe('mapCheckout', () => {
  it('maps a checkout with its token, totals in the buyer currency, people and click traces', () => {
    const checkout = mapCheckout(fixtureBody('checkouts-create.capi-variant.json'));
    const ipod = {
      variantId: '808950810',
      productId: '632910392',
      sku: 'IPOD2008PINK',
      title: 'IPod Nano - 8GB',
      quantity: 1,
      unitPrice: { amount: '199.00', currency: 'USD' },
    };
    expect(checkout).toEqual({
      token: 'bd5a8aa1ecd019dd3520ff791ee3a24c',
      cartToken: 'c1-7a2abe82733a34e84aa472d57fb5c3c1',
      createdAt: new Date('2022-01-01T00:00:00Z'),
      total: { amount: '421.88', currency: 'USD' },
      email: 'jane.doe@example.com',
      phone: '+4915112345678',
      customer: { id: '603851970716743426', email: 'john@example.com', firstName: 'John', lastName: 'Smith' },
      billingAddress: {
        firstName: 'Bob',
        lastName: 'Biller',
        city: 'Billtown',
        province: 'Kentucky',
        provinceCode: 'KY',
        zip: 'K2P0B0',
        country: 'United States',
        countryCode: 'US',
        phone: '555-555-BILL',
      },
      shippingAddress: {
        firstName: 'Steve',
        lastName: 'Shipper',
        city: 'Shippington',
        province: 'Kentucky',
        provinceCode: 'KY',
        zip: 'K2P0S0',
        country: 'United States',
        countryCode: 'US',
        phone: '555-555-SHIP',
      },
      lineItems: [ipod, ipod],
      browser: { fbclid: 'IwAR2xExAmPlEfBcLiD0123456789', fbp: 'fb.1.1715000000000.1234567890' },
    });
  });

  it('maps Shopify’s own sample, which has no id, browser traces or phone', () => {
    const checkout = mapCheckout(fixtureBody('checkouts-create.json'));
    expect(checkout.token).toBe('123123123');
    expect(checkout.cartToken).toBe('eeafa272cebfd4b22385bc4b645e762c');
    expect(checkout).not.toHaveProperty('browser');
    expect(checkout).not.toHaveProperty('phone');
  });

  it('prices a multi-currency checkout in its presentment currency', () => {
    const payload = parseShopifyJson(fixtureBody('checkouts-create.capi-variant.json')) as Record<string, unknown>;
    payload.presentment_currency = 'eur';
    const checkout = mapCheckout(payload);
    expect(checkout.total).toEqual({ amount: '421.88', currency: 'EUR' });
    expect(checkout.lineItems[0]?.unitPrice).toEqual({ amount: '199.00', currency: 'EUR' });
  });

  it('refuses a checkout without a token', () => {
    const payload = parseShopifyJson(fixtureBody('checkouts-create.capi-variant.json')) as Record<string, unknown>;
    payload.token = null;
    expect(() => mapCheckout(payload)).toThrow('Shopify payload field token is missing');
  });
});
