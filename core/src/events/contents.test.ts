import type { LineItem } from '../model/commerce';
import { contentFieldsFrom, contentIdOf } from './contents';

describe('contentIdOf', () => {
  it('prefers the variant, then the product, then the SKU', () => {
    expect(contentIdOf({ variantId: 'v', productId: 'p', sku: 's', quantity: 1 })).toBe('v');
    expect(contentIdOf({ productId: 'p', sku: 's', quantity: 1 })).toBe('p');
    expect(contentIdOf({ variantId: ' ', sku: 's', quantity: 1 })).toBe('s');
    expect(contentIdOf({ quantity: 1 })).toBeUndefined();
  });
});

describe('contentFieldsFrom', () => {
  const lines: LineItem[] = [
    { variantId: '11', quantity: 2, unitPrice: { amount: '19.99', currency: 'eur' } },
    { title: 'Gift wrapping', quantity: 1, unitPrice: { amount: '2.00', currency: 'EUR' } },
    { variantId: '11', quantity: 1, unitPrice: { amount: '17.50', currency: 'EUR' } },
    { productId: '22', quantity: 3 },
  ];

  it('builds ids, contents with unit prices, the product type and the unit count', () => {
    const { fields, skippedLines } = contentFieldsFrom(lines, 'EUR');
    expect(fields).toEqual({
      num_items: 7,
      content_ids: ['11', '22'],
      contents: [
        { id: '11', quantity: 2, item_price: 19.99 },
        { id: '11', quantity: 1, item_price: 17.5 },
        { id: '22', quantity: 3 },
      ],
      content_type: 'product',
    });
    expect(skippedLines).toEqual([{ index: 1, reason: 'line has no variant id, product id or SKU to identify it' }]);
  });

  it('leaves out prices in another currency than the event', () => {
    const { fields } = contentFieldsFrom([lines[0] as LineItem], 'USD');
    expect(fields.contents).toEqual([{ id: '11', quantity: 2 }]);
    expect(contentFieldsFrom([lines[0] as LineItem], undefined).fields.contents).toEqual([{ id: '11', quantity: 2 }]);
  });

  it('emits no content keys at all for no lines', () => {
    expect(contentFieldsFrom([], 'EUR')).toEqual({ fields: {}, skippedLines: [] });
  });
});
