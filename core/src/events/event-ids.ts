/**
 * The event_id scheme (spec item 17). Each id is derived only from platform identifiers, so a
 * redelivered webhook, a retry and the browser pixel all compute the same value and Meta keeps one
 * copy. Ids go in as the platform's canonical decimal/string form (never a JS number: Shopify ids
 * exceed 2^53). Documented in core/README.md; change it only together with the pixel.
 */
export const eventIds = {
  purchase: (orderId: string): string => `purchase:${orderId}`,
  initiateCheckout: (checkoutToken: string): string => `initiate_checkout:${checkoutToken}`,
  /** One AddToCart per increase of a line, identified by the quantity the line reached. */
  addToCart: (cartToken: string, lineKey: string, quantityAfter: number): string =>
    `add_to_cart:${cartToken}:${lineKey}:${quantityAfter}`,
  /** Browser-only: the storefront pixel event's id (Shopify's `event.id`). */
  viewContent: (pixelEventId: string): string => `view_content:${pixelEventId}`,
  /** Once per checkout, however often the buyer re-enters payment details. */
  addPaymentInfo: (checkoutToken: string): string => `add_payment_info:${checkoutToken}`,
};
