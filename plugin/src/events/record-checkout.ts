/**
 * InitiateCheckout (`initiate_checkout:<cart id>`), at most one per cart: the storefront's checkout
 * route and the first-email-or-address fallback build the same event id, so whichever comes second is
 * dropped by the outbox's idempotency key.
 */
import { buildInitiateCheckout, eventIds, type RecordResult } from '@capi-relay/core';

import { mapMedusaCheckout } from '../mappers/map-medusa';
import type { MedusaCart } from '../mappers/medusa-types';
import type { PluginRuntime } from '../runtime/plugin-runtime';
import { withStorefrontPage } from './storefront-page';

export async function recordCheckout(runtime: PluginRuntime, cart: MedusaCart, now = new Date()): Promise<{ eventId: string; result: RecordResult }> {
  const { db, engine, store, stores, settings } = runtime;
  const checkout = mapMedusaCheckout(cart, now);
  const snapshot = await db.carts.get(store.id, cart.id);
  const browser = withStorefrontPage(snapshot?.browser, settings.storefrontUrl);
  const result = await engine.enqueue(stores, null, {
    storeId: store.id,
    built: [buildInitiateCheckout({ ...checkout, browser }, { now })],
    now,
    ...(checkout.customer?.id === undefined ? {} : { customerRef: checkout.customer.id }),
  });
  return { eventId: eventIds.initiateCheckout(cart.id), result };
}
