/**
 * What Meta should receive for the Shopify fixtures the web tests follow from webhook to payload:
 * written out by hand from the fixtures, hashes computed with node:crypto, so no expectation is
 * derived from the code under test.
 */
import { JANE_DOE_HASHED } from '@capi-relay/core/testing';

/** `orders-paid.capi-variant.json`: Jane Doe's order, paid in EUR. */
export const ORDER_ID = '820982911946154508';
export const ORDER_USER_AGENT =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

/** The buyer hashed, and the browser values the order itself carries, passed through. */
export const ORDER_USER_DATA = {
  ...JANE_DOE_HASHED,
  client_ip_address: '203.0.113.42',
  client_user_agent: ORDER_USER_AGENT,
  fbp: 'fb.1.1715000000000.1234567890',
  fbc: 'fb.1.1715000000000.IwAR2xExAmPlEfBcLiD0123456789',
};

/** Value, currency and every line in the buyer's currency (EUR; the shop's is USD). */
export const ORDER_CUSTOM_DATA = {
  value: 372.55,
  currency: 'EUR',
  content_ids: ['808950810', '49148385', '457924702', '39072856', '642667041'],
  contents: [
    { id: '808950810', quantity: 1, item_price: 82.79 },
    { id: '49148385', quantity: 1, item_price: 18.39 },
    { id: '457924702', quantity: 1, item_price: 22.99 },
    { id: '39072856', quantity: 1, item_price: 147.19 },
    { id: '642667041', quantity: 1, item_price: 110.39 },
  ],
  content_type: 'product',
  num_items: 5,
  order_id: ORDER_ID,
};

/** `carts-create.json`: a new cart with one line, three units of variant 704912205188288575. */
export const CART_ADD_EVENT_ID = 'add_to_cart:exampleCartId:704912205188288575:3abdf474dce81d0025dd15b9a02ef6bf:3';

/** Valued at the units added. */
export const CART_ADD_CUSTOM_DATA = {
  value: 59.97,
  currency: 'USD',
  content_ids: ['704912205188288575'],
  contents: [{ id: '704912205188288575', quantity: 3, item_price: 19.99 }],
  content_type: 'product',
  num_items: 3,
};
