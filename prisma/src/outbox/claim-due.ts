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
  payload: string;
  attempts: number;
  nextAttemptAt: unknown;
}

/** What the claim statement returns: on SQLite without the payload, which a second statement reads. */
type ClaimedColumns = Omit<ClaimedRow, 'payload'> & Partial<Pick<ClaimedRow, 'payload'>>;

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
 * starts with the worker id so an operator can tell who holds a row. The payloads come from
 * OutboxPayload: on PostgreSQL in the same statement, on SQLite from a second one in the same
 * transaction.
 */
export async function claimDue(db: Db, request: ClaimRequest): Promise<ClaimedBatch[]> {
  assertClaimArguments(request);
  const lease: Lease = { token: `${request.workerId}/${randomUUID()}`, expiresAt: new Date(request.now.getTime() + request.leaseMs) };
  const { claimPlanSettings, claim, claimPayloads } = deliveryStatements(db);
  const rows = await db.sql.transaction(async (tx) => {
    for (const setting of claimPlanSettings) await tx.run(setting);
    const claimed = await tx.query<ClaimedColumns>(claim, [lease.token, lease.expiresAt, request.now, request.limit]);
    if (claimPayloads === undefined || claimed.length === 0) return claimed as ClaimedRow[];
    const bodies = new Map<string, { payload: string }>();
    for (const body of await tx.query<{ id: string; payload: string }>(claimPayloads, [JSON.stringify(claimed.map(({ id }) => id))])) bodies.set(body.id, body);
    return claimed.map((row): ClaimedRow => ({ ...row, payload: payloadText(row.id, bodies.get(row.id)) }));
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
        payloadJson: row.payload,
        attempts: Number(row.attempts),
      }),
    );
  }
  return [...batches.values()];
}
