import { randomUUID } from 'node:crypto';
import { assertClaimArguments, claimedEvent, type ClaimedBatch, type Lease } from '@capi-relay/core';
import type { Db } from '../client';
import { readTime } from '../driver/sql-driver';
import { deliveryStatements } from './delivery-sql';
import { payloadText } from './payload-text';

interface ClaimedRow {
  id: string;
  pixelConfigId: string;
  eventName: string;
  eventId: string;
  eventTime: unknown;
  /** Null only if the event lost its OutboxPayload row, which payloadText refuses. */
  payload: string | null;
  attempts: number;
  nextAttemptAt: unknown;
}

export interface ClaimRequest {
  workerId: string;
  now: Date;
  /** Most rows claimed in this call, across all pixels. */
  limit: number;
  leaseMs: number;
}

/**
 * One UPDATE ... WHERE id IN (SELECT ... LIMIT n) RETURNING (delivery-sql.ts): atomic on its own, so
 * two workers never claim the same row, on either database. `leaseOwner` keeps the claim's token, which
 * starts with the worker id so an operator can tell who holds a row. Each row's payload comes
 * from OutboxPayload in the same statement.
 */
export async function claimDue(db: Db, request: ClaimRequest): Promise<ClaimedBatch[]> {
  assertClaimArguments(request);
  const lease: Lease = { token: `${request.workerId}/${randomUUID()}`, expiresAt: new Date(request.now.getTime() + request.leaseMs) };
  const { claimPlanSettings, claim } = deliveryStatements(db);
  const rows = await db.sql.transaction(async (tx) => {
    for (const setting of claimPlanSettings) await tx.run(setting);
    return tx.query<ClaimedRow>(claim, [lease.token, lease.expiresAt, request.now, request.limit]);
  });

  const due = rows.map((row) => ({ row, dueAt: readTime(row.nextAttemptAt).getTime() }));
  due.sort((a, b) => a.dueAt - b.dueAt || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
  const batches = new Map<string, ClaimedBatch>();
  for (const { row } of due) {
    let batch = batches.get(row.pixelConfigId);
    if (!batch) batches.set(row.pixelConfigId, (batch = { pixelConfigId: row.pixelConfigId, lease, events: [] }));
    batch.events.push(
      claimedEvent({
        id: row.id,
        eventName: row.eventName,
        eventId: row.eventId,
        eventTime: readTime(row.eventTime),
        payloadJson: payloadText(row.id, row.payload),
        attempts: Number(row.attempts),
      }),
    );
  }
  return [...batches.values()];
}
