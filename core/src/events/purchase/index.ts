import type { Order } from '../../model/commerce';
import { buildEvent } from '../build-event';
import type { BuildContext, BuiltEvent, EventDefinition } from '../definition';
import { eventIds } from '../event-ids';

export const purchaseEvent: EventDefinition<Order> = {
  eventName: 'Purchase',
  eventId: (order) => eventIds.purchase(order.id),
  sourceId: (order) => order.id,
  tokens: (order) => ({ cartToken: order.cartToken, checkoutToken: order.checkoutToken }),
  occurredAt: (order) => order.createdAt,
  actionSource: (order) => (order.channel === 'pos' ? 'physical_store' : 'website'),
  identity: (order) => order,
  value: (order) => order.total,
  lines: (order) => order.lineItems,
  customData: { order_id: (order) => order.id },
};

export function buildPurchase(order: Order, ctx?: BuildContext): BuiltEvent {
  return buildEvent(purchaseEvent, order, ctx);
}
