import type { Cart } from '../../model/commerce';
import { multiplyAmount } from '../../model/money';
import { buildEvent } from '../build-event';
import type { BuildContext, BuiltEvent, EventDefinition } from '../definition';
import { eventIds } from '../event-ids';
import type { CartLineDelta } from './cart-diff';

export { diffCartLines, type CartLineDelta } from './cart-diff';

/** One AddToCart: the units of one line added by one cart change. */
export interface CartAddition {
  cart: Cart;
  delta: CartLineDelta;
}

export const addToCartEvent: EventDefinition<CartAddition> = {
  eventName: 'AddToCart',
  eventId: ({ cart, delta }) => eventIds.addToCart(cart.token, delta.line.key, delta.quantityAfter),
  sourceId: ({ cart }) => cart.token,
  tokens: ({ cart }) => ({ cartToken: cart.token }),
  occurredAt: ({ cart }) => cart.updatedAt,
  actionSource: () => 'website',
  identity: ({ cart }) => ({ customer: cart.customer, browser: cart.browser }),
  value: ({ delta }) => {
    const price = delta.line.unitPrice;
    if (price === undefined) return undefined;
    return { amount: multiplyAmount(price.amount, delta.quantityAdded), currency: price.currency };
  },
  lines: ({ delta }) => [{ ...delta.line, quantity: delta.quantityAdded }],
};

export function buildAddToCart(cart: Cart, delta: CartLineDelta, ctx?: BuildContext): BuiltEvent {
  return buildEvent(addToCartEvent, { cart, delta }, ctx);
}
