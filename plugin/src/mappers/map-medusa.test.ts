import { amountOf, mapMedusaCart, mapMedusaCheckout, mapMedusaOrder } from './map-medusa';
import { MedusaDataError } from './medusa-data-error';
import type { MedusaCart, MedusaOrder } from './medusa-types';

const address = { first_name: 'Jane', last_name: 'Doe', city: 'København', province: null, postal_code: '1165', country_code: 'dk', phone: '+45 12 34 56 78' };
const item = { id: 'cali_1', variant_id: 'variant_1', product_id: 'prod_1', variant_sku: 'SHIRT-M', product_title: 'Relay Shirt', title: 'M', unit_price: 25, quantity: 2 };

const order: MedusaOrder = {
  id: 'order_1',
  display_id: 7,
  created_at: '2026-03-10T09:15:00.000Z',
  email: 'jane.doe@example.com',
  currency_code: 'eur',
  total: { raw: { value: '50.5' } },
  customer_id: 'cus_1',
  customer: { id: 'cus_1', email: 'jane.doe@example.com', first_name: null, last_name: null, phone: null },
  shipping_address: address,
  billing_address: null,
  items: [item, null],
  cart: { id: 'cart_1' },
};

describe('mapMedusaOrder', () => {
  it('maps the order with its lines, people and cart', () => {
    expect(mapMedusaOrder(order)).toEqual({
      id: 'order_1',
      name: '#7',
      createdAt: new Date('2026-03-10T09:15:00.000Z'),
      channel: 'online',
      cartToken: 'cart_1',
      total: { amount: '50.5', currency: 'EUR' },
      email: 'jane.doe@example.com',
      customer: { id: 'cus_1', email: 'jane.doe@example.com' },
      shippingAddress: { firstName: 'Jane', lastName: 'Doe', city: 'København', zip: '1165', countryCode: 'DK', phone: '+45 12 34 56 78' },
      lineItems: [{ productId: 'prod_1', variantId: 'variant_1', sku: 'SHIRT-M', title: 'Relay Shirt', quantity: 2, unitPrice: { amount: '25', currency: 'EUR' } }],
    });
  });

  it('maps an order converted from a draft order (no cart) to the staff channel', () => {
    const mapped = mapMedusaOrder({ ...order, cart: null });
    expect(mapped.channel).toBe('staff');
    expect(mapped).not.toHaveProperty('cartToken');
  });

  it('names the field it cannot map, never its value', () => {
    expect(() => mapMedusaOrder({ ...order, currency_code: null })).toThrow(new MedusaDataError('order.currency_code', 'is missing'));
    expect(() => mapMedusaOrder({ ...order, items: [{ ...item, quantity: 1.5 }] })).toThrow(/order\.items\[0\]\.quantity is not a whole number/);
    expect(() => mapMedusaOrder({ ...order, created_at: 'soon' })).toThrow(/order\.created_at is not a date/);
  });
});

describe('mapMedusaCart and mapMedusaCheckout', () => {
  const cart: MedusaCart = { ...order, id: 'cart_1', updated_at: '2026-03-10T09:16:00.000Z', customer_id: null, customer: null };

  it('keys each cart line by its line item id and keeps the email for matching', () => {
    expect(mapMedusaCart(cart)).toEqual({
      token: 'cart_1',
      updatedAt: new Date('2026-03-10T09:16:00.000Z'),
      currency: 'EUR',
      customer: { email: 'jane.doe@example.com' },
      lines: [{ key: 'cali_1', productId: 'prod_1', variantId: 'variant_1', sku: 'SHIRT-M', title: 'Relay Shirt', quantity: 2, unitPrice: { amount: '25', currency: 'EUR' } }],
    });
  });

  it('makes the cart a checkout started at the given moment', () => {
    const startedAt = new Date('2026-03-10T09:20:00.000Z');
    expect(mapMedusaCheckout(cart, startedAt)).toMatchObject({ token: 'cart_1', cartToken: 'cart_1', createdAt: startedAt, total: { amount: '50.5', currency: 'EUR' } });
  });
});

describe('amountOf', () => {
  it.each([
    [25, '25'],
    [19.99, '19.99'],
    ['12.50', '12.50'],
    [{ value: '7' }, '7'],
    [1e-7, '0.0000001'],
  ])('reads %p as %s', (value, amount) => {
    expect(amountOf(value, 'x')).toBe(amount);
  });

  it.each([null, undefined, Number.NaN, 'ten', {}])('refuses %p', (value) => {
    expect(() => amountOf(value, 'cart.total')).toThrow('cart.total is not an amount');
  });
});
