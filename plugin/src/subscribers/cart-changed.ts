import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';

import { recordCart } from '../events/record-cart';
import { CART_FIELDS } from '../mappers/graph-fields';
import type { MedusaCart } from '../mappers/medusa-types';
import { handleRecord } from '../events/handle-record';

/** Every path that changes a cart's lines ends in one of these events, whatever route or workflow ran. */
export default async function cartChanged({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await handleRecord<MedusaCart>(container, 'cart', event.data.id, CART_FIELDS, recordCart);
}

export const config: SubscriberConfig = { event: ['cart.created', 'cart.updated'], context: { subscriberId: 'capi-relay-add-to-cart' } };
