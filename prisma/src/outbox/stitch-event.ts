import { type DroppedField, type NewOutboxEvent, type NotSentReason, type OutboxStatus, type ServerEvent, stitchTwin, type TwinHalf } from '@capi-relay/core';
import { sqlFragment, type Db, type Tx } from '../client';
import { pixelKeyOf } from './pixel-key';

/**
 * Merges `event` into the stored row of its key when that row is still open to its twin (core's
 * `stitchTwin` decides); true when the row changed. On PostgreSQL the row is locked first, so a worker
 * claiming it (which skips locked rows) and a second twin arriving at once both wait for this write;
 * SQLite's transaction holds the database's write lock already.
 */
export async function stitchEvent(db: Db, tx: Tx, event: NewOutboxEvent, now: Date): Promise<boolean> {
  const key = { pixelKey: pixelKeyOf(event), eventName: event.eventName, eventId: event.eventId };
  if (db.provider === 'postgresql') {
    await tx.$queryRaw`SELECT "id" FROM "OutboxEvent" WHERE "pixelKey" = ${key.pixelKey} AND "eventName" = ${key.eventName} AND "eventId" = ${key.eventId} ${sqlFragment(db.provider, 'FOR UPDATE')}`;
  }
  const row = await tx.outboxEvent.findUnique({
    where: { pixelKey_eventName_eventId: key },
    select: { id: true, status: true, reason: true, payload: true, customerRef: true, cartToken: true, checkoutToken: true, droppedUserData: true, awaitingTwin: true, nextAttemptAt: true, withoutConsentSignal: true },
  });
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
      nextAttemptAt: row.nextAttemptAt,
      withoutConsentSignal: row.withoutConsentSignal,
    },
    event,
    now,
  );
  if (!update) return false;
  await tx.outboxEvent.update({
    where: { id: row.id },
    data: {
      ...update,
      payload: JSON.stringify(update.payload),
      userDataKeys: JSON.stringify(update.userDataKeys),
      droppedUserData: JSON.stringify(update.droppedUserData),
      updatedAt: now,
    },
  });
  return true;
}
