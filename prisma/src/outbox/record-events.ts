import { assertRecordable, type DeliveryReceipt, type NewOutboxEvent, type RecordOptions, type RecordResult } from '@capi-relay/core';
import { writeCartSnapshot } from '../cart-state/write-cart-snapshot';
import type { Db, Tx } from '../client';
import { uuidv7 } from '../ids';
import { pixelKeyOf } from './pixel-key';
import { stitchEvent } from './stitch-event';

/** Inserts the receipt unless known; 1 when inserted (ON CONFLICT: concurrent redeliveries cannot both insert). */
async function insertReceipt(tx: Tx, receipt: DeliveryReceipt, now: Date): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "WebhookReceipt" ("id", "storeId", "source", "deliveryId", "topic", "receivedAt")
    VALUES (${uuidv7(now.getTime())}, ${receipt.storeId}, ${receipt.source}, ${receipt.deliveryId}, ${receipt.topic}, ${now})
    ON CONFLICT ("storeId", "source", "deliveryId") DO NOTHING`;
}

async function insertEvent(tx: Tx, event: NewOutboxEvent, now: Date): Promise<number> {
  // A queued row is due at once (unless it waits for its twin); its event time orders the queue fairly (oldest first).
  const nextAttemptAt = event.status === 'queued' ? (event.dueAt ?? event.eventTime) : null;
  return tx.$executeRaw`
    INSERT INTO "OutboxEvent" ("id", "storeId", "pixelConfigId", "pixelKey", "eventName", "eventId", "sourceId",
      "customerRef", "cartToken", "checkoutToken", "eventTime", "payload", "status", "reason", "reasonDetail", "userDataKeys",
      "droppedUserData", "attempts", "nextAttemptAt", "awaitingTwin", "withoutConsentSignal", "createdAt", "updatedAt")
    VALUES (${uuidv7(now.getTime())}, ${event.storeId}, ${event.pixelConfigId}, ${pixelKeyOf(event)}, ${event.eventName},
      ${event.eventId}, ${event.sourceId}, ${event.customerRef ?? null}, ${event.cartToken ?? null}, ${event.checkoutToken ?? null},
      ${event.eventTime}, ${JSON.stringify(event.payload)},
      ${event.status}, ${event.reason ?? null}, ${event.reasonDetail ?? null}, ${JSON.stringify(event.userDataKeys)},
      ${JSON.stringify(event.droppedUserData)}, 0, ${nextAttemptAt}, ${event.awaitingTwin ?? null}, ${event.withoutConsentSignal === true}, ${now}, ${now})
    ON CONFLICT ("pixelKey", "eventName", "eventId") DO NOTHING`;
}

export async function recordEvents(
  db: Db,
  receipt: DeliveryReceipt | null,
  events: NewOutboxEvent[],
  options: RecordOptions = {},
): Promise<RecordResult> {
  events.forEach(assertRecordable);
  return db.write(async (tx) => {
    const now = new Date();
    if (receipt && (await insertReceipt(tx, receipt, now)) === 0) {
      return { duplicateDelivery: true, inserted: 0, duplicateEvents: 0, stitched: 0 };
    }
    let inserted = 0;
    let stitched = 0;
    for (const event of events) {
      if ((await insertEvent(tx, event, now)) === 1) inserted += 1;
      else if (await stitchEvent(db, tx, event, now)) stitched += 1;
    }
    // Last, so a conflict found here rolls back the receipt and events written before it.
    if (options.cartState) await writeCartSnapshot(tx, options.cartState, options.cartStateBasedOn, now);
    return { duplicateDelivery: false, inserted, duplicateEvents: events.length - inserted - stitched, stitched };
  });
}
