/**
 * carts/create and carts/update -> one AddToCart per line added or increased. The payload does not
 * say what changed, so it is diffed against the stored snapshot of the same cart, and the new
 * snapshot is written in the same transaction as the events it produced, only if the stored one is
 * still the version diffed against (else the handler runs this topic again): two deliveries of one
 * cart processed at once must not both count the units added since that version. A delivery older
 * than the stored snapshot (Shopify does not order deliveries) is recorded and ignored.
 */
import { buildAddToCart, type Cart, type CartSnapshot, diffCartLines } from '@capi-relay/core';

import { mapCart } from '../shopify/mappers';
import type { EventTopic } from './record-store-events';

export const cartTopic: EventTopic = async (ctx, delivery, store) => {
  const cart = mapCart(delivery.payload);
  const previous = await ctx.db.carts.get(store.id, cart.token);
  if (previous && previous.updatedAt.getTime() > cart.updatedAt.getTime()) {
    return { ignored: 'an older state of the cart than the one already stored (out-of-order delivery)' };
  }
  // Cart payloads have no customer or browser data: only the storefront pixel's stored context.
  const withContext: Cart = previous?.browser ? { ...cart, browser: previous.browser } : cart;
  const now = ctx.now();
  const built = diffCartLines(previous?.lines, cart.lines).map((delta) => buildAddToCart(withContext, delta, { now }));
  const cartState: CartSnapshot = {
    storeId: store.id,
    cartToken: cart.token,
    lines: cart.lines,
    updatedAt: cart.updatedAt,
    ...(previous?.checkoutToken === undefined ? {} : { checkoutToken: previous.checkoutToken }),
    ...(previous?.customerRef === undefined ? {} : { customerRef: previous.customerRef }),
  };
  // A store that reports no version leaves the write to the updatedAt rule alone.
  const cartStateBasedOn = previous ? previous.version : null;
  const awaitingTwin = previous?.browser ? undefined : ('browser' as const);
  return { built, customerRef: previous?.customerRef, consent: previous?.browser?.consent, ...(awaitingTwin && { awaitingTwin }), cartState, cartStateBasedOn };
};
