import { sha256Hex } from './sha256-hex';

/**
 * The hashed user_data keys Meta should receive for Jane Doe of Berlin (customer 115310627314723954),
 * the buyer of the Shopify fixture `orders-paid.capi-variant.json` and of core's sample order: each
 * the hash of the value Meta's normalization rules give for her details.
 */
export const JANE_DOE_HASHED = {
  em: [sha256Hex('jane.doe@example.com')],
  ph: [sha256Hex('4915112345678')],
  fn: [sha256Hex('jane')],
  ln: [sha256Hex('doe')],
  ct: [sha256Hex('berlin')],
  st: [sha256Hex('be')],
  zp: [sha256Hex('10115')],
  country: [sha256Hex('de')],
  external_id: [sha256Hex('115310627314723954')],
};
