import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';

import { recordPurchase } from '../events/record-purchase';
import { ORDER_FIELDS } from '../mappers/graph-fields';
import type { MedusaOrder } from '../mappers/medusa-types';
import { handleRecord } from '../events/handle-record';

export default async function orderPlaced({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await handleRecord<MedusaOrder>(container, 'order', event.data.id, ORDER_FIELDS, recordPurchase);
}

export const config: SubscriberConfig = { event: 'order.placed', context: { subscriberId: 'capi-relay-purchase' } };
