import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';

import { CHECKOUT_DETAILS_EVENT } from '../capture/checkout-fallback';
import { recordCheckout } from '../events/record-checkout';
import { CART_FIELDS } from '../mappers/graph-fields';
import type { MedusaCart } from '../mappers/medusa-types';
import { handleRecord } from '../events/handle-record';

/** The InitiateCheckout fallback for storefronts that do not call the checkout route. */
export default async function checkoutDetailsAdded({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await handleRecord<MedusaCart>(container, 'cart', event.data.id, CART_FIELDS, (runtime, cart) => recordCheckout(runtime, cart));
}

export const config: SubscriberConfig = { event: CHECKOUT_DETAILS_EVENT, context: { subscriberId: 'capi-relay-initiate-checkout' } };
