/**
 * order.placed -> one Purchase (`purchase:<order id>`). The browser context captured on the cart's
 * Store API requests is joined by cart id. An order with no cart was converted from an admin draft
 * order: staff entered it (core's `staff` channel, action_source other), so by default it is recorded
 * as skipped, not sent.
 */
import { buildPurchase, mergeBrowserContext, type PlanSkip, type RecordResult } from '@capi-relay/core';

import { mapMedusaOrder } from '../mappers/map-medusa';
import type { MedusaOrder } from '../mappers/medusa-types';
import type { PluginRuntime } from '../runtime/plugin-runtime';
import { withStorefrontPage } from './storefront-page';

const DRAFT_ORDER: PlanSkip = {
  reason: 'draft_order',
  detail: 'The order was converted from an admin draft order, not placed on the storefront (plugin option draftOrders = "skip").',
};

export async function recordPurchase(runtime: PluginRuntime, record: MedusaOrder, now = new Date()): Promise<RecordResult> {
  const { db, engine, store, stores, settings } = runtime;
  const order = mapMedusaOrder(record);
  const snapshot = order.cartToken ? await db.carts.findByTokens(store.id, { cartToken: order.cartToken }) : null;
  const joined = mergeBrowserContext(snapshot?.browser, order.browser);
  // A staff order (action_source other) happened on no page of the storefront.
  const browser = order.channel === 'online' ? withStorefrontPage(joined, settings.storefrontUrl) : joined;
  const skip = order.channel === 'staff' && settings.draftOrders === 'skip' ? DRAFT_ORDER : undefined;
  return engine.enqueue(
    stores,
    { storeId: store.id, source: 'medusa', deliveryId: `order.placed:${order.id}`, topic: 'order.placed' },
    {
      storeId: store.id,
      built: [buildPurchase({ ...order, browser }, { now })],
      now,
      ...(order.customer?.id === undefined ? {} : { customerRef: order.customer.id }),
      ...(skip ? { skip } : {}),
    },
  );
}
