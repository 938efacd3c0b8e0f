import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';

import { CART_CREATED_EVENT } from '../capture/capture-created-cart';
import { recordCart } from '../events/record-cart';
import { CART_FIELDS } from '../mappers/graph-fields';
import type { MedusaCart } from '../mappers/medusa-types';
import { handleRecord } from '../events/handle-record';

/**
 * Every change of a cart's lines ends in cart.updated, whatever route or workflow ran. A cart created
 * with items comes through our own event, once its browser context is saved; created any other way
 * (custom code), its lines count at its next update, diffed against no snapshot.
 */
export default async function cartChanged({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await handleRecord<MedusaCart>(container, 'cart', event.data.id, CART_FIELDS, recordCart);
}

export const config: SubscriberConfig = { event: ['cart.updated', CART_CREATED_EVENT], context: { subscriberId: 'capi-relay-add-to-cart' } };
