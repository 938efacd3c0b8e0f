export { parseShopifyJson } from './parse-shopify-json';
export { ShopifyPayloadError } from './payload-error';
export type { MoneySide } from './money';
export { mapOrder, type MapOrderOptions, type MappedOrder } from './order';
export { mapCheckout } from './checkout';
export { mapCart, type MapCartOptions } from './cart';
export { normalizeCartToken } from './storefront-context';
