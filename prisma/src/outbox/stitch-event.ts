import { type DroppedField, type NewOutboxEvent, type NotSentReason, type OutboxStatus, type ServerEvent, stitchTwin, type TwinHalf } from '@capi-relay/core';
import type { Provider } from '../database-target';
import { readTime, type SqlQueryable } from '../driver/sql-driver';
import { pixelKeyOf } from './pixel-key';

const FIND_TWIN = `
  SELECT o."id", o."status", o."reason", p."payload", o."customerRef", o."cartToken", o."checkoutToken", o."droppedUserData", o."awaitingTwin",
    o."nextAttemptAt", o."withoutConsentSignal"
  FROM "OutboxEvent" o JOIN "OutboxPayload" p ON p."id" = o."id"
  WHERE o."pixelKey" = $1 AND o."eventName" = $2 AND o."eventId" = $3`;

/**
 * On PostgreSQL the row is locked as it is read, so a worker claiming it (which skips locked rows)
 * and a second twin arriving at once both wait for this write; SQLite's transaction holds the
 * database's write lock already.
 */
const FIND_TWIN_SQL: Record<Provider, string> = { sqlite: FIND_TWIN, postgresql: `${FIND_TWIN} FOR UPDATE` };

interface TwinRow {
  id: string;
  status: string;
  reason: string | null;
  payload: string;
  customerRef: string | null;
  cartToken: string | null;
  checkoutToken: string | null;
  droppedUserData: string;
  awaitingTwin: string | null;
  nextAttemptAt: unknown;
  /** A boolean column: SQLite hands back 0 or 1. */
  withoutConsentSignal: boolean | number;
}

const UPDATE_TWIN = `
  UPDATE "OutboxEvent" SET "status" = $2, "reason" = $3, "reasonDetail" = $4, "userDataKeys" = $5,
    "droppedUserData" = $6, "customerRef" = $7, "cartToken" = $8, "checkoutToken" = $9, "awaitingTwin" = $10,
    "nextAttemptAt" = $11, "updatedAt" = $12, "withoutConsentSignal" = $13
  WHERE "id" = $1`;

const UPDATE_TWIN_PAYLOAD = `UPDATE "OutboxPayload" SET "payload" = $2 WHERE "id" = $1`;

/**
 * Merges `event` into the stored row of its key when that row is still open to its twin (core's
 * `stitchTwin` decides); true when the row changed. Runs inside the recording transaction.
 */
export async function stitchEvent(provider: Provider, tx: SqlQueryable, event: NewOutboxEvent, now: Date): Promise<boolean> {
  const [row] = await tx.query<TwinRow>(FIND_TWIN_SQL[provider], [pixelKeyOf(event), event.eventName, event.eventId]);
  if (!row) return false;
  const update = stitchTwin(
    {
      status: row.status as OutboxStatus,
      reason: row.reason as NotSentReason | null,
      payload: JSON.parse(row.payload) as ServerEvent,
      customerRef: row.customerRef,
      cartToken: row.cartToken,
      checkoutToken: row.checkoutToken,
      droppedUserData: JSON.parse(row.droppedUserData) as DroppedField[],
      awaitingTwin: row.awaitingTwin as TwinHalf | null,
      nextAttemptAt: row.nextAttemptAt === null ? null : readTime(row.nextAttemptAt),
      withoutConsentSignal: Boolean(row.withoutConsentSignal),
    },
    event,
    now,
  );
  if (!update) return false;
  await tx.run(UPDATE_TWIN_PAYLOAD, [row.id, JSON.stringify(update.payload)]);
  await tx.run(UPDATE_TWIN, [
    row.id,
    update.status,
    update.reason,
    update.reasonDetail,
    JSON.stringify(update.userDataKeys),
    JSON.stringify(update.droppedUserData),
    update.customerRef,
    update.cartToken,
    update.checkoutToken,
    update.awaitingTwin,
    update.nextAttemptAt,
    now,
    update.withoutConsentSignal,
  ]);
  return true;
}
