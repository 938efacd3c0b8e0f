import type { ActionSource } from '../../meta/wire';
import type { Order, SalesChannel } from '../../model/commerce';
import { buildEvent } from '../build-event';
import type { BuildContext, BuiltEvent, EventDefinition } from '../definition';
import { eventIds } from '../event-ids';

const ACTION_SOURCE_OF_CHANNEL: Record<SalesChannel, ActionSource> = { online: 'website', pos: 'physical_store', staff: 'other' };

export const purchaseEvent: EventDefinition<Order> = {
  eventName: 'Purchase',
  eventId: (order) => eventIds.purchase(order.id),
  sourceId: (order) => order.id,
  tokens: (order) => ({ cartToken: order.cartToken, checkoutToken: order.checkoutToken }),
  occurredAt: (order) => order.createdAt,
  actionSource: (order) => ACTION_SOURCE_OF_CHANNEL[order.channel],
  identity: (order) => order,
  value: (order) => order.total,
  lines: (order) => order.lineItems,
  customData: { order_id: (order) => order.id },
};

export function buildPurchase(order: Order, ctx?: BuildContext): BuiltEvent {
  return buildEvent(purchaseEvent, order, ctx);
}
