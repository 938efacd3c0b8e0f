/**
 * What one record() call writes, shared by the delivery-by-delivery writer (record-events.ts) and
 * the batch writer for PostgreSQL (record-batch.ts).
 */
import type { DeliveryReceipt, NewOutboxEvent, RecordOptions, RecordResult } from '@capi-relay/core';
import type { StoreVersion } from '../stores/store-version';
import { pixelKeyOf } from './pixel-key';

export interface PrismaRecordOptions extends RecordOptions {
  /**
   * The store's settings version the events were planned from (see stores/store-version.ts): when
   * the database holds another, nothing is written and StoreContextChangedError is thrown.
   */
  storeVersion?: StoreVersion;
}

/** One record() call, as the group commit holds it. */
export interface Delivery {
  receipt: DeliveryReceipt | null;
  events: NewOutboxEvent[];
  options: PrismaRecordOptions;
}

/** A known delivery id: nothing was written. A new object each time, as results are counted into. */
export function duplicateDelivery(): RecordResult {
  return { duplicateDelivery: true, inserted: 0, duplicateEvents: 0, stitched: 0 };
}

/** The OutboxPayload row of an inserted event: $1 its id, $2 its payload as JSON text. */
export const INSERT_PAYLOAD = `INSERT INTO "OutboxPayload" ("id", "payload") VALUES ($1, $2)`;

/**
 * An OutboxEvent row's columns: those of `eventValues`, in its order, then attempts (0), createdAt
 * and updatedAt (the write's `now`).
 */
export const EVENT_COLUMNS = `"id", "storeId", "pixelConfigId", "pixelKey", "eventName", "eventId", "sourceId",
    "customerRef", "cartToken", "checkoutToken", "eventTime", "status", "reason", "reasonDetail", "userDataKeys",
    "droppedUserData", "nextAttemptAt", "awaitingTwin", "withoutConsentSignal", "attempts", "createdAt", "updatedAt"`;

/** An event's row values but attempts, createdAt and updatedAt, in EVENT_COLUMNS' order. */
export function eventValues(id: string, event: NewOutboxEvent): Array<string | Date | boolean | null> {
  // A queued row is due at once (unless it waits for its twin); its event time orders the queue fairly (oldest first).
  const nextAttemptAt = event.status === 'queued' ? (event.dueAt ?? event.eventTime) : null;
  return [
    id,
    event.storeId,
    event.pixelConfigId,
    pixelKeyOf(event),
    event.eventName,
    event.eventId,
    event.sourceId,
    event.customerRef ?? null,
    event.cartToken ?? null,
    event.checkoutToken ?? null,
    event.eventTime,
    event.status,
    event.reason ?? null,
    event.reasonDetail ?? null,
    JSON.stringify(event.userDataKeys),
    JSON.stringify(event.droppedUserData),
    nextAttemptAt,
    event.awaitingTwin ?? null,
    event.withoutConsentSignal === true,
  ];
}
