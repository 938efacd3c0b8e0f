/**
 * The custom pixel snippet run as Shopify runs a custom pixel (globals analytics, window, document),
 * with Meta's fbq stubbed: each event must be fired with the eventID CAPI Relay's server event has.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const SNIPPET = readFileSync(path.join(__dirname, 'meta-pixel.js'), 'utf8');
const CHECKOUT = {
  token: 'bd5a8aa1ecd019dd3520ff791ee3a24c',
  totalPrice: { amount: 39.98, currencyCode: 'EUR' },
  lineItems: [{ quantity: 2, variant: { id: 'gid://shopify/ProductVariant/808950810' } }],
  order: { id: 'gid://shopify/OrderIdentity/820982911946154508' },
};

function run() {
  const calls: unknown[][] = [];
  const callbacks = new Map<string, (event: unknown) => void>();
  const fbq = (...args: unknown[]) => calls.push(args);
  const analytics = { subscribe: (name: string, callback: (event: unknown) => void) => callbacks.set(name, callback) };
  new Function('analytics', 'window', 'document', SNIPPET)(analytics, { fbq }, {});
  return { calls, emit: (name: string, data: unknown, id = 'sh-1') => callbacks.get(name)?.({ id, name, data }) };
}

describe('the custom pixel snippet', () => {
  it('fires each event with the event ID of its server twin, and no AddToCart', () => {
    const { calls, emit } = run();
    emit('product_viewed', { productVariant: { id: 'gid://shopify/ProductVariant/808950810', price: { amount: 19.99, currencyCode: 'EUR' } } }, 'sh-88e1');
    emit('checkout_started', { checkout: { ...CHECKOUT, order: null } });
    emit('payment_info_submitted', { checkout: CHECKOUT });
    emit('checkout_completed', { checkout: CHECKOUT });
    emit('product_added_to_cart', {});

    expect(calls[0]).toEqual(['init', 'YOUR_PIXEL_ID']);
    expect(calls.slice(1).map((call) => [call[1], call[3]])).toEqual([
      ['ViewContent', { eventID: 'view_content:sh-88e1' }],
      ['InitiateCheckout', { eventID: 'initiate_checkout:bd5a8aa1ecd019dd3520ff791ee3a24c' }],
      ['AddPaymentInfo', { eventID: 'add_payment_info:bd5a8aa1ecd019dd3520ff791ee3a24c' }],
      ['Purchase', { eventID: 'purchase:820982911946154508' }],
    ]);
    expect(calls.at(-1)?.[2]).toEqual({
      value: 39.98,
      currency: 'EUR',
      content_ids: ['808950810'],
      contents: [{ id: '808950810', quantity: 2 }],
      content_type: 'product',
      num_items: 2,
      order_id: '820982911946154508',
    });
  });
});
