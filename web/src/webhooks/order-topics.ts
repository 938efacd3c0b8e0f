/**
 * orders/create and orders/paid -> Purchase, at most one per order: both topics build the same
 * event_id (`purchase:<order id>`), so the outbox's idempotency key drops whichever comes second,
 * and so does every redelivery.
 *
 * The `purchaseTrigger` setting picks the moment. `order_created` (default): orders/create sends,
 * and orders/paid is the fallback when orders/create never arrived (Shopify does not guarantee
 * delivery); normally it records nothing new. `order_paid`: orders/create is ignored with a log
 * line, so unpaid orders (bank transfer, manual capture) never count.
 */
import { buildPurchase, DEFAULT_PURCHASE_TRIGGER, mergeBrowserContext, type Order, type PlanSkip } from '@capi-relay/core';

import { mapOrder } from '../shopify/mappers';
import type { EventTopic } from './record-store-events';

const TEST_ORDER: PlanSkip = {
  reason: 'test_order',
  detail: 'Shopify marked this order as a test (test payment gateway), so it is not sent to Meta.',
};

const CANCELLED_ORDER: PlanSkip = {
  reason: 'order_cancelled',
  detail: 'The order was already cancelled when Shopify reported it, so it is not sent to Meta as a Purchase.',
};

export const orderTopic: EventTopic = async (ctx, delivery, store, pixels) => {
  const trigger = pixels[0]?.purchaseTrigger ?? DEFAULT_PURCHASE_TRIGGER;
  if (trigger === 'order_paid' && delivery.topic === 'orders/create') {
    return { ignored: 'Purchase is sent when the order is paid (purchaseTrigger = order_paid)' };
  }
  const { order, isTest, isCancelled } = mapOrder(delivery.payload);
  const snapshot = await ctx.db.carts.findByTokens(store.id, { cartToken: order.cartToken, checkoutToken: order.checkoutToken });
  const withContext: Order = { ...order, browser: mergeBrowserContext(snapshot?.browser, order.browser) };
  return {
    built: [buildPurchase(withContext, { now: ctx.now() })],
    customerRef: order.customer?.id,
    consent: withContext.browser?.consent,
    ...(snapshot?.browser ? {} : { awaitingTwin: 'browser' as const }),
    skip: isTest ? TEST_ORDER : isCancelled ? CANCELLED_ORDER : undefined,
  };
};
