/**
 * `record()`: a delivery's receipt, its events and its cart snapshot in one transaction, shared with
 * the deliveries recorded at the same moment (group commit, driver/group-commit.ts). Raw SQL on the
 * driver beneath Prisma: this runs once per webhook, where Prisma's per-call cost dominated.
 *
 * A batch is first written at once: on SQLite delivery after delivery (a statement costs no round
 * trip there), on PostgreSQL with one multi-row INSERT for the batch's receipts and one for its
 * events (record-batch.ts), instead of two round trips per webhook. When anything fails, the batch
 * is written again delivery by delivery, each in its own savepoint (`writeDelivery`).
 */
import { assertRecordable, type DeliveryReceipt, type NewOutboxEvent, type RecordResult } from '@capi-relay/core';
import { writeCartSnapshot } from '../cart-state/write-cart-snapshot';
import type { Provider } from '../database-target';
import { createGroupCommit, type GroupCommit, type GroupTransaction, type GroupWriter, type Outcome } from '../driver/group-commit';
import type { SqlDriver } from '../driver/sql-driver';
import { uuidv7 } from '../ids';
import { currentStoreVersion, StoreContextChangedError, type StoreVersion } from '../stores/store-version';
import { duplicateDelivery, EVENT_COLUMNS, eventValues, INSERT_PAYLOAD, type Delivery, type PrismaRecordOptions } from './delivery-rows';
import { writeBatchOnPostgres } from './record-batch';
import { stitchEvent } from './stitch-event';

export type { PrismaRecordOptions } from './delivery-rows';

/** ON CONFLICT: concurrent redeliveries cannot both insert. */
const INSERT_RECEIPT = `
  INSERT INTO "WebhookReceipt" ("id", "storeId", "source", "deliveryId", "topic", "receivedAt")
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT ("storeId", "source", "deliveryId") DO NOTHING`;

const INSERT_EVENT = `
  INSERT INTO "OutboxEvent" (${EVENT_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 0, $20, $20)
  ON CONFLICT ("pixelKey", "eventName", "eventId") DO NOTHING`;

async function storeVersionHolds(tx: GroupTransaction, expected: StoreVersion): Promise<boolean> {
  // Once per store per transaction: the rows cannot change under SQLite's write lock, and on
  // PostgreSQL a change committed during the batch is concurrent with it either way.
  const current = await tx.once(`store-version:${expected.storeId}`, () => currentStoreVersion(tx, expected.storeId));
  return current === expected.version;
}

/** The delivery's writes, its store version already checked. */
async function writeChecked(provider: Provider, tx: GroupTransaction, { receipt, events, options }: Delivery, now: Date): Promise<RecordResult> {
  if (receipt && (await tx.run(INSERT_RECEIPT, [uuidv7(now.getTime()), receipt.storeId, receipt.source, receipt.deliveryId, receipt.topic, now])) === 0) {
    return duplicateDelivery();
  }
  let inserted = 0;
  let stitched = 0;
  for (const event of events) {
    const id = uuidv7(now.getTime());
    if ((await tx.run(INSERT_EVENT, [...eventValues(id, event), now])) === 1) {
      await tx.run(INSERT_PAYLOAD, [id, JSON.stringify(event.payload)]);
      inserted += 1;
    } else if (await stitchEvent(provider, tx, event, now)) stitched += 1;
  }
  // Last, so a conflict found here undoes the receipt and events written before it.
  if (options.cartState) await writeCartSnapshot(tx, options.cartState, options.cartStateBasedOn, now);
  return { duplicateDelivery: false, inserted, duplicateEvents: events.length - inserted - stitched, stitched };
}

/** One delivery on its own (inside its savepoint). */
async function writeDelivery(provider: Provider, tx: GroupTransaction, delivery: Delivery): Promise<RecordResult> {
  const { storeVersion } = delivery.options;
  if (storeVersion && !(await storeVersionHolds(tx, storeVersion))) throw new StoreContextChangedError(storeVersion.storeId);
  return writeChecked(provider, tx, delivery, new Date());
}

/**
 * The batch at once. Deliveries planned from a stale store version fail first, before anything of
 * theirs is written; the rest are written together.
 */
async function writeAll(provider: Provider, tx: GroupTransaction, deliveries: readonly Delivery[]): Promise<Outcome<RecordResult>[]> {
  const outcomes: Array<Outcome<RecordResult> | undefined> = [];
  const live: number[] = [];
  for (const [index, { options }] of deliveries.entries()) {
    if (options.storeVersion && !(await storeVersionHolds(tx, options.storeVersion))) {
      outcomes[index] = { ok: false, error: new StoreContextChangedError(options.storeVersion.storeId) };
    } else live.push(index);
  }
  const now = new Date();
  if (provider === 'postgresql') {
    const written = await writeBatchOnPostgres(tx, live.map((index) => deliveries[index] as Delivery), now);
    live.forEach((index, at) => (outcomes[index] = { ok: true, value: written[at] as RecordResult }));
  } else {
    for (const index of live) outcomes[index] = { ok: true, value: await writeChecked(provider, tx, deliveries[index] as Delivery, now) };
  }
  return outcomes as Outcome<RecordResult>[];
}

export type RecordGroup = GroupCommit<Delivery, RecordResult>;

/** One per database: every record() of the process shares its transactions. */
export function createRecordGroup(sql: SqlDriver): RecordGroup {
  const writer: GroupWriter<Delivery, RecordResult> = {
    writeAll: (tx, deliveries) => writeAll(sql.provider, tx, deliveries),
    writeOne: (tx, delivery) => writeDelivery(sql.provider, tx, delivery),
  };
  return createGroupCommit(sql, writer);
}

export async function recordEvents(
  group: RecordGroup,
  receipt: DeliveryReceipt | null,
  events: NewOutboxEvent[],
  options: PrismaRecordOptions = {},
): Promise<RecordResult> {
  events.forEach(assertRecordable);
  return group.submit({ receipt, events, options });
}
