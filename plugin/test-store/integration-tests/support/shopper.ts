/**
 * A shopper's browser talking to the Store API: the publishable key, a user agent, Meta's cookies and
 * the page it is on, as a storefront forwards them.
 */
import type { AxiosInstance } from 'axios';

export const SHOPPER = {
  email: 'Jane.Doe@Example.com',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
  fbp: 'fb.1.1700000000000.1234567890',
  fbc: 'fb.1.1700000000000.IwAR2relayclick',
  productPage: 'https://shop.example.com/products/relay-shirt',
  checkoutPage: 'https://shop.example.com/checkout',
};

export const ADDRESS = {
  first_name: 'Jane',
  last_name: 'Doe',
  address_1: 'Nørregade 1',
  city: 'København',
  postal_code: '1165',
  country_code: 'dk',
  phone: '+45 12 34 56 78',
};

export function shopperHeaders(publishableKey: string, page = SHOPPER.productPage): Record<string, string> {
  return {
    'x-publishable-api-key': publishableKey,
    'user-agent': SHOPPER.userAgent,
    cookie: `_fbp=${SHOPPER.fbp}; _fbc=${SHOPPER.fbc}`,
    referer: page,
  };
}

interface Store {
  publishableKey: string;
  regionId: string;
  variantId: string;
}

/** Creates the shopper's cart and adds `quantity` shirts; returns the cart. */
export async function cartWithShirts(api: AxiosInstance, store: Store, quantity: number) {
  const headers = shopperHeaders(store.publishableKey);
  const created = await api.post('/store/carts', { region_id: store.regionId, email: SHOPPER.email }, { headers });
  const cartId: string = created.data.cart.id;
  const added = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: store.variantId, quantity }, { headers });
  return added.data.cart as { id: string; items: { id: string; quantity: number }[] };
}

/** Addresses, a payment session with Medusa's system provider, and completion: the placed order. */
export async function checkOut(api: AxiosInstance, store: Store, cartId: string) {
  const headers = shopperHeaders(store.publishableKey, SHOPPER.checkoutPage);
  await api.post(`/store/carts/${cartId}`, { shipping_address: ADDRESS, billing_address: ADDRESS }, { headers });
  const collection = await api.post('/store/payment-collections', { cart_id: cartId }, { headers });
  await api.post(`/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`, { provider_id: 'pp_system_default' }, { headers });
  const completed = await api.post(`/store/carts/${cartId}/complete`, {}, { headers });
  if (completed.data.type !== 'order') throw new Error(`cart not completed: ${JSON.stringify(completed.data.error ?? completed.data)}`);
  return completed.data.order as { id: string; total: number };
}
