/**
 * The common path of every event topic (orders, checkouts, carts): find or create the shop's store
 * row, let the topic turn the payload into built events, plan one outbox row per pixel, and write
 * receipt + rows (+ cart snapshot) in one transaction. A redelivery (same X-Shopify-Webhook-Id)
 * writes nothing; an event already stored (same pixel, name and event_id) is not stored twice.
 * When another delivery rewrote the cart snapshot a topic diffed against, nothing was written and the
 * topic runs again on the new snapshot; so it does when the store's settings changed after they were
 * read (they come from memory, see @capi-relay/db's store-contexts.ts).
 */
import { type BuiltEvent, CartSnapshotConflictError, type CartSnapshot, type Consent, type PixelConfigRecord, type PlanSkip, type RecordResult, type TwinHalf } from '@capi-relay/core';
import { type PrismaRecordOptions, type StoreContext, StoreContextChangedError, type StoreRecord } from '@capi-relay/db';

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

/**
 * Runs of one delivery's topic when the store's settings keep changing between the read and the
 * write (each run reads them again); then the 500 makes Shopify redeliver.
 */
export const STORE_CHANGED_ATTEMPTS = 3;

export const STORE_CHANGED_MESSAGE = 'store settings changed while the delivery was planned; planning again';

export function eventTopicHandler(ctx: WebhookContext, topic: EventTopic): WebhookHandler {
  return async (delivery) => {
    let attempt = 1;
    let storeChanges = 0;
    for (;;) {
      // From memory unless this store's rows changed; the write checks they still hold (store-contexts.ts).
      const context = await ctx.db.storeContexts.get(PLATFORM, delivery.shop);
      try {
        return await recordTopic(ctx, topic, delivery, context);
      } catch (error) {
        if (error instanceof StoreContextChangedError && (storeChanges += 1) < STORE_CHANGED_ATTEMPTS) {
          ctx.db.storeContexts.forget(error.storeId);
          ctx.logger.info({ shop: delivery.shop, topic: delivery.topic, webhookId: delivery.webhookId }, STORE_CHANGED_MESSAGE);
          continue;
        }
        if (!(error instanceof CartSnapshotConflictError) || attempt >= CART_CONFLICT_ATTEMPTS) throw error;
        ctx.logger.info({ shop: delivery.shop, topic: delivery.topic, webhookId: delivery.webhookId, attempt }, 'cart changed by a concurrent delivery; diffing again');
        attempt += 1;
      }
    }
  };
}

/** One run: the topic reads what it needs and the result is recorded, or nothing is. */
async function recordTopic(ctx: WebhookContext, topic: EventTopic, delivery: WebhookDelivery, { store, pixels, version }: StoreContext): Promise<WebhookOutcome> {
  const receipt = { storeId: store.id, source: PLATFORM, deliveryId: delivery.webhookId, topic: delivery.topic };
  const planned: PrismaRecordOptions = { storeVersion: version };

  let result: TopicResult;
  try {
    result = await topic(ctx, delivery, store, pixels);
  } catch (error) {
    if (!(error instanceof ShopifyPayloadError)) throw error;
    // Redelivering the same payload cannot fix it: acknowledge, and say what was missing.
    ctx.logger.warn({ shop: delivery.shop, topic: delivery.topic, webhookId: delivery.webhookId, field: error.field, problem: error.message }, 'webhook payload cannot be mapped');
    const written = await ctx.db.outbox.record(receipt, [], planned);
    return { action: 'unmappable', duplicateDelivery: written.duplicateDelivery, detail: error.message };
  }

  if ('ignored' in result) {
    const written = await ctx.db.outbox.record(receipt, [], planned);
    return { action: 'ignored', duplicateDelivery: written.duplicateDelivery, detail: result.ignored };
  }

  const skip = store.uninstalledAt ? UNINSTALLED : result.skip;
  // Typed as the db's options: enqueue hands them to ctx.db.outbox.record unchanged.
  const options: PrismaRecordOptions = result.cartState ? { ...planned, cartState: result.cartState, cartStateBasedOn: result.cartStateBasedOn } : planned;
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
    options,
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
