import type { Cart, CartLine } from '../../model/commerce';
import { sha256Hex } from '../../testing/sha256-hex';
import { buildAddToCart, diffCartLines } from '.';

const shirt: CartLine = {
  key: '704912205188288575:3abdf474dce81d0025dd15b9a02ef6bf',
  variantId: '704912205188288575',
  productId: '788032119674292922',
  sku: 'example-shirt-s',
  quantity: 3,
  unitPrice: { amount: '19.99', currency: 'USD' },
};

function cart(lines: CartLine[]): Cart {
  return {
    token: 'c1-7a2abe82733a34e84aa472d57fb5c3c1',
    updatedAt: new Date('2026-03-10T09:15:00Z'),
    currency: 'USD',
    lines,
    customer: { id: '42' },
    browser: { ipAddress: '203.0.113.42', userAgent: 'Mozilla/5.0', pageUrl: 'https://shop.example.com/products/shirt' },
  };
}

describe('buildAddToCart', () => {
  it('values the added units only, computed on the decimal price', () => {
    const current = cart([shirt]);
    const [delta] = diffCartLines([{ ...shirt, quantity: 1 }], current.lines);
    if (!delta) throw new Error('expected one added line');

    expect(buildAddToCart(current, delta).event).toEqual({
      event_name: 'AddToCart',
      event_time: Date.parse('2026-03-10T09:15:00Z') / 1000,
      event_id: 'add_to_cart:c1-7a2abe82733a34e84aa472d57fb5c3c1:704912205188288575:3abdf474dce81d0025dd15b9a02ef6bf:3',
      action_source: 'website',
      event_source_url: 'https://shop.example.com/products/shirt',
      user_data: { external_id: [sha256Hex('42')], client_ip_address: '203.0.113.42', client_user_agent: 'Mozilla/5.0' },
      custom_data: {
        value: 39.98,
        currency: 'USD',
        content_ids: ['704912205188288575'],
        contents: [{ id: '704912205188288575', quantity: 2, item_price: 19.99 }],
        content_type: 'product',
        num_items: 2,
      },
    });
  });

  it('gives each increase of a line its own id, and the same change the same id', () => {
    const idFor = (before: number, after: number) => {
      const [delta] = diffCartLines([{ ...shirt, quantity: before }], [{ ...shirt, quantity: after }]);
      if (!delta) throw new Error('expected one added line');
      return buildAddToCart(cart([shirt]), delta).event.event_id;
    };
    expect(idFor(1, 2)).not.toBe(idFor(2, 3));
    expect(idFor(1, 3)).toBe(idFor(2, 3));
  });

  it('sends no value or currency for a line without a price', () => {
    const line: CartLine = { key: 'k', variantId: '1', quantity: 1 };
    const built = buildAddToCart(cart([line]), { line, quantityAdded: 1, quantityAfter: 1 });
    expect(built.event.custom_data).toEqual({ content_ids: ['1'], contents: [{ id: '1', quantity: 1 }], content_type: 'product', num_items: 1 });
    expect(built.sourceId).toBe('c1-7a2abe82733a34e84aa472d57fb5c3c1');
    expect(built.tokens).toEqual({ cartToken: 'c1-7a2abe82733a34e84aa472d57fb5c3c1' });
  });
});
