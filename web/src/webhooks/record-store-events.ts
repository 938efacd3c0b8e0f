/**
 * The common path of every event topic (orders, checkouts, carts): find or create the shop's store
 * row, let the topic turn the payload into built events, plan one outbox row per pixel, and write
 * receipt + rows (+ cart snapshot) in one transaction. A redelivery (same X-Shopify-Webhook-Id)
 * writes nothing; an event already stored (same pixel, name and event_id) is not stored twice.
 * When another delivery rewrote the cart snapshot a topic diffed against, nothing was written and the
 * topic runs again on the new snapshot.
 */
import { type BuiltEvent, CartSnapshotConflictError, type CartSnapshot, type Consent, type PixelConfigRecord, type PlanSkip, type RecordResult, type TwinHalf } from '@capi-relay/core';
import type { StoreRecord } from '@capi-relay/db';

import { ShopifyPayloadError } from '../shopify/mappers';
import type { WebhookDelivery, WebhookHandler, WebhookOutcome } from './webhook-delivery';
import { PLATFORM, type WebhookContext } from './webhook-context';

/** What a topic made of one delivery. `ignored` records the delivery without events. */
export type TopicResult =
  | {
      built: BuiltEvent[];
      customerRef?: string;
      /** The shopper's consent, as the storefront pixel reported it for this cart or checkout. */
      consent?: Consent;
      skip?: PlanSkip;
      /** No storefront pixel report was found for these events (yet): they may wait for it. */
      awaitingTwin?: TwinHalf;
      cartState?: CartSnapshot;
      /** The stored snapshot's version `cartState` was computed from (null: none was stored). */
      cartStateBasedOn?: number | null;
    }
  | { ignored: string };

export type EventTopic = (
  ctx: WebhookContext,
  delivery: WebhookDelivery,
  store: StoreRecord,
  pixels: PixelConfigRecord[],
) => Promise<TopicResult>;

/** Events of a store that uninstalled the app (webhooks and storefront pixel reports alike). */
export const UNINSTALLED: PlanSkip = {
  reason: 'store_uninstalled',
  detail: 'The app was uninstalled from this store, so its events are no longer sent.',
};

/**
 * Runs of one delivery's topic when concurrent deliveries of the same cart keep winning the race; the
 * last conflict surfaces, and Shopify redelivers on the resulting 500.
 */
export const CART_CONFLICT_ATTEMPTS = 5;

export function eventTopicHandler(ctx: WebhookContext, topic: EventTopic): WebhookHandler {
  return async (delivery) => {
    const store = await ctx.db.stores.ensureStore(PLATFORM, delivery.shop);
    const pixels = await ctx.db.pixels.listByStore(store.id);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await recordTopic(ctx, topic, delivery, store, pixels);
      } catch (error) {
        if (!(error instanceof CartSnapshotConflictError) || attempt >= CART_CONFLICT_ATTEMPTS) throw error;
        ctx.logger.info({ shop: delivery.shop, topic: delivery.topic, webhookId: delivery.webhookId, attempt }, 'cart changed by a concurrent delivery; diffing again');
      }
    }
  };
}

/** One run: the topic reads what it needs and the result is recorded, or nothing is. */
async function recordTopic(ctx: WebhookContext, topic: EventTopic, delivery: WebhookDelivery, store: StoreRecord, pixels: PixelConfigRecord[]): Promise<WebhookOutcome> {
  const receipt = { storeId: store.id, source: PLATFORM, deliveryId: delivery.webhookId, topic: delivery.topic };

  let result: TopicResult;
  try {
    result = await topic(ctx, delivery, store, pixels);
  } catch (error) {
    if (!(error instanceof ShopifyPayloadError)) throw error;
    // Redelivering the same payload cannot fix it: acknowledge, and say what was missing.
    ctx.logger.warn({ shop: delivery.shop, topic: delivery.topic, webhookId: delivery.webhookId, field: error.field, problem: error.message }, 'webhook payload cannot be mapped');
    const written = await ctx.db.outbox.record(receipt, []);
    return { action: 'unmappable', duplicateDelivery: written.duplicateDelivery, detail: error.message };
  }

  if ('ignored' in result) {
    const written = await ctx.db.outbox.record(receipt, []);
    return { action: 'ignored', duplicateDelivery: written.duplicateDelivery, detail: result.ignored };
  }

  const skip = store.uninstalledAt ? UNINSTALLED : result.skip;
  const written = await ctx.engine.enqueue(
    { outbox: ctx.db.outbox, pixels: ctx.db.pixels },
    receipt,
    {
      storeId: store.id,
      pixels,
      built: result.built,
      now: ctx.now(),
      // Sets the consent default of events the storefront pixel never reported a choice for.
      shopCountry: store.country,
      ...(result.customerRef === undefined ? {} : { customerRef: result.customerRef }),
      ...(result.consent === undefined ? {} : { consent: result.consent }),
      ...(skip ? { skip } : {}),
      ...(result.awaitingTwin ? { awaitingTwin: result.awaitingTwin } : {}),
    },
    result.cartState ? { cartState: result.cartState, cartStateBasedOn: result.cartStateBasedOn } : undefined,
  );
  return summarize(written, result.built);
}

function summarize(written: RecordResult, built: BuiltEvent[]): WebhookOutcome {
  return {
    action: 'recorded',
    duplicateDelivery: written.duplicateDelivery,
    inserted: written.inserted,
    duplicateEvents: written.duplicateEvents,
    detail: built.map((entry) => `${entry.event.event_name} ${entry.event.event_id}`).join(', ') || 'no events',
  };
}
