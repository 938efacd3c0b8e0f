/**
 * checkouts/create and checkouts/update -> InitiateCheckout, once per checkout token: update fires
 * again and again while the buyer types, and every delivery builds the same event_id
 * (`initiate_checkout:<token>`), which the outbox stores once. Checkout payloads carry no IP or
 * user agent, so the event needs what the storefront pixel stored for the cart; without it the row
 * is kept as needs_browser_context.
 */
import { buildInitiateCheckout, type Checkout, mergeBrowserContext } from '@capi-relay/core';

import { mapCheckout } from '../shopify/mappers';
import type { EventTopic } from './record-store-events';

export const checkoutTopic: EventTopic = async (ctx, delivery, store) => {
  const checkout = mapCheckout(delivery.payload);
  const snapshot = await ctx.db.carts.findByTokens(store.id, { cartToken: checkout.cartToken, checkoutToken: checkout.token });
  const withContext: Checkout = { ...checkout, browser: mergeBrowserContext(snapshot?.browser, checkout.browser) };
  return {
    built: [buildInitiateCheckout(withContext, { now: ctx.now() })],
    customerRef: checkout.customer?.id,
    consent: withContext.browser?.consent,
    ...(snapshot?.browser ? {} : { awaitingTwin: 'browser' as const }),
  };
};
