import type { Checkout } from '../../model/commerce';
import { buildEvent } from '../build-event';
import type { BuildContext, BuiltEvent, EventDefinition } from '../definition';
import { eventIds } from '../event-ids';

export const initiateCheckoutEvent: EventDefinition<Checkout> = {
  eventName: 'InitiateCheckout',
  eventId: (checkout) => eventIds.initiateCheckout(checkout.token),
  sourceId: (checkout) => checkout.token,
  tokens: (checkout) => ({ cartToken: checkout.cartToken, checkoutToken: checkout.token }),
  occurredAt: (checkout) => checkout.createdAt,
  actionSource: () => 'website',
  identity: (checkout) => checkout,
  value: (checkout) => checkout.total,
  lines: (checkout) => checkout.lineItems,
};

export function buildInitiateCheckout(checkout: Checkout, ctx?: BuildContext): BuiltEvent {
  return buildEvent(initiateCheckoutEvent, checkout, ctx);
}
