/**
 * `record()`: a delivery's receipt, its events and its cart snapshot in one transaction, shared with
 * the deliveries recorded at the same moment (group commit, driver/group-commit.ts). Raw SQL on the
 * driver beneath Prisma: this runs once per webhook, where Prisma's per-call cost dominated.
 */
import { assertRecordable, type DeliveryReceipt, type NewOutboxEvent, type RecordOptions, type RecordResult } from '@capi-relay/core';
import { writeCartSnapshot } from '../cart-state/write-cart-snapshot';
import type { Provider } from '../database-target';
import type { GroupCommit, GroupTransaction } from '../driver/group-commit';
import { uuidv7 } from '../ids';
import { currentStoreVersion, StoreContextChangedError, type StoreVersion } from '../stores/store-version';
import { pixelKeyOf } from './pixel-key';
import { stitchEvent } from './stitch-event';

export interface PrismaRecordOptions extends RecordOptions {
  /**
   * The store's settings version the events were planned from (see stores/store-version.ts): when
   * the database holds another, nothing is written and StoreContextChangedError is thrown.
   */
  storeVersion?: StoreVersion;
}

/** ON CONFLICT: concurrent redeliveries cannot both insert. */
const INSERT_RECEIPT = `
  INSERT INTO "WebhookReceipt" ("id", "storeId", "source", "deliveryId", "topic", "receivedAt")
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT ("storeId", "source", "deliveryId") DO NOTHING`;

const INSERT_EVENT = `
  INSERT INTO "OutboxEvent" ("id", "storeId", "pixelConfigId", "pixelKey", "eventName", "eventId", "sourceId",
    "customerRef", "cartToken", "checkoutToken", "eventTime", "payload", "status", "reason", "reasonDetail", "userDataKeys",
    "droppedUserData", "attempts", "nextAttemptAt", "awaitingTwin", "createdAt", "updatedAt")
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 0, $18, $19, $20, $20)
  ON CONFLICT ("pixelKey", "eventName", "eventId") DO NOTHING`;

function insertEvent(tx: GroupTransaction, event: NewOutboxEvent, now: Date): Promise<number> {
  // A queued row is due at once (unless it waits for its twin); its event time orders the queue fairly (oldest first).
  const nextAttemptAt = event.status === 'queued' ? (event.dueAt ?? event.eventTime) : null;
  return tx.run(INSERT_EVENT, [
    uuidv7(now.getTime()),
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
    JSON.stringify(event.payload),
    event.status,
    event.reason ?? null,
    event.reasonDetail ?? null,
    JSON.stringify(event.userDataKeys),
    JSON.stringify(event.droppedUserData),
    nextAttemptAt,
    event.awaitingTwin ?? null,
    now,
  ]);
}

async function assertStoreVersion(tx: GroupTransaction, expected: StoreVersion): Promise<void> {
  // Once per store per transaction: the rows cannot change under SQLite's write lock, and on
  // PostgreSQL a change committed during the batch is concurrent with it either way.
  const current = await tx.once(`store-version:${expected.storeId}`, () => currentStoreVersion(tx, expected.storeId));
  if (current !== expected.version) throw new StoreContextChangedError(expected.storeId);
}

async function writeDelivery(
  provider: Provider,
  tx: GroupTransaction,
  receipt: DeliveryReceipt | null,
  events: NewOutboxEvent[],
  options: PrismaRecordOptions,
): Promise<RecordResult> {
  const now = new Date();
  if (options.storeVersion) await assertStoreVersion(tx, options.storeVersion);
  if (receipt && (await tx.run(INSERT_RECEIPT, [uuidv7(now.getTime()), receipt.storeId, receipt.source, receipt.deliveryId, receipt.topic, now])) === 0) {
    return { duplicateDelivery: true, inserted: 0, duplicateEvents: 0, stitched: 0 };
  }
  let inserted = 0;
  let stitched = 0;
  for (const event of events) {
    if ((await insertEvent(tx, event, now)) === 1) inserted += 1;
    else if (await stitchEvent(provider, tx, event, now)) stitched += 1;
  }
  // Last, so a conflict found here undoes the receipt and events written before it.
  if (options.cartState) await writeCartSnapshot(tx, options.cartState, options.cartStateBasedOn, now);
  return { duplicateDelivery: false, inserted, duplicateEvents: events.length - inserted - stitched, stitched };
}

export async function recordEvents(
  provider: Provider,
  group: GroupCommit,
  receipt: DeliveryReceipt | null,
  events: NewOutboxEvent[],
  options: PrismaRecordOptions = {},
): Promise<RecordResult> {
  events.forEach(assertRecordable);
  return group.run((tx) => writeDelivery(provider, tx, receipt, events, options));
}
