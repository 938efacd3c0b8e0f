import { fixtureBody } from '../../../test/support/shopify-signing';
import { mapCart } from './cart';
import { parseShopifyJson } from './parse-shopify-json';

function cartPayload(): Record<string, unknown> {
  return parseShopifyJson(fixtureBody('carts-create.json')) as Record<string, unknown>;
}

describe('mapCart', () => {
  it('maps a cart: token, update time, keyed lines with exact 64-bit ids, currency from the money sets', () => {
    expect(mapCart(fixtureBody('carts-create.json'))).toEqual({
      token: 'exampleCartId',
      updatedAt: new Date('2022-01-01T00:00:00.000Z'),
      currency: 'USD',
      lines: [
        {
          key: '704912205188288575:3abdf474dce81d0025dd15b9a02ef6bf',
          variantId: '704912205188288575',
          productId: '788032119674292922',
          sku: 'example-shirt-s',
          title: 'Example T-Shirt - Small',
          quantity: 3,
          unitPrice: { amount: '19.99', currency: 'USD' },
        },
      ],
    });
    expect(mapCart(fixtureBody('carts-update.json')).lines[0]?.variantId).toBe('704912205188288575');
  });

  it('uses the presentment side of price_set by default and the shop side on request', () => {
    const payload = cartPayload();
    const [line] = payload.line_items as Record<string, Record<string, Record<string, unknown>>>[];
    line!.price_set!.presentment_money = { amount: '18.49', currency_code: 'EUR' };
    expect(mapCart(payload)).toMatchObject({ currency: 'EUR', lines: [{ unitPrice: { amount: '18.49', currency: 'EUR' } }] });
    expect(mapCart(payload, { money: 'shop' })).toMatchObject({ currency: 'USD', lines: [{ unitPrice: { amount: '19.99', currency: 'USD' } }] });
  });

  it('strips the secret key from the cart token', () => {
    const payload = cartPayload();
    payload.token = 'c1-7a2abe82733a34e84aa472d57fb5c3c1?key=0123456789abcdef';
    expect(mapCart(payload).token).toBe('c1-7a2abe82733a34e84aa472d57fb5c3c1');
  });

  it('leaves prices out when no line states its currency', () => {
    const payload = cartPayload();
    delete (payload.line_items as Record<string, unknown>[])[0]!.price_set;
    const cart = mapCart(payload);
    expect(cart).not.toHaveProperty('currency');
    expect(cart.lines[0]).not.toHaveProperty('unitPrice');
  });

  it('refuses a line without its key', () => {
    const payload = cartPayload();
    delete (payload.line_items as Record<string, unknown>[])[0]!.key;
    expect(() => mapCart(payload)).toThrow('Shopify payload field line_items[0].key is missing');
  });
});
