import { randomUUID } from 'node:crypto';
import { assertClaimArguments, type ClaimedBatch, type Lease, type ServerEvent } from '@capi-relay/core';
import { sqlFragment, type Db } from '../client';

interface ClaimedRow {
  id: string;
  pixelConfigId: string;
  eventName: string;
  eventId: string;
  eventTime: Date;
  payload: string;
  attempts: number | bigint;
  nextAttemptAt: Date;
}

export interface ClaimRequest {
  workerId: string;
  now: Date;
  /** Most rows claimed in this call, across all pixels. */
  limit: number;
  leaseMs: number;
}

/**
 * One UPDATE ... WHERE id IN (SELECT ... LIMIT n) RETURNING: atomic on its own, so two workers never
 * claim the same row. PostgreSQL adds `FOR UPDATE OF o SKIP LOCKED` so concurrent claimers pass over
 * each other's rows instead of waiting (OF o: locking the pixel rows would make them skip whole
 * pixels). SQLite runs one writer at a time and needs no lock clause. Rows of a disabled pixel or an
 * open circuit stay queued; a `sending` row whose lease expired is claimed again. `leaseOwner` keeps
 * the claim's token, which starts with the worker id so an operator can tell who holds a row.
 */
export async function claimDue(db: Db, request: ClaimRequest): Promise<ClaimedBatch[]> {
  assertClaimArguments(request);
  const lease: Lease = { token: `${request.workerId}/${randomUUID()}`, expiresAt: new Date(request.now.getTime() + request.leaseMs) };
  const lockClause = sqlFragment(db.provider, db.provider === 'postgresql' ? 'FOR UPDATE OF o SKIP LOCKED' : '');

  const rows = await db.write((tx) =>
    tx.$queryRaw<ClaimedRow[]>`
      UPDATE "OutboxEvent"
      SET "status" = 'sending', "leaseOwner" = ${lease.token}, "leaseExpiresAt" = ${lease.expiresAt}, "updatedAt" = ${request.now}
      WHERE "id" IN (
        SELECT o."id" FROM "OutboxEvent" o
        JOIN "PixelConfig" p ON p."id" = o."pixelConfigId"
        WHERE p."enabled" = TRUE AND p."stoppedAt" IS NULL
          AND ((o."status" = 'queued' AND o."nextAttemptAt" <= ${request.now})
            OR (o."status" = 'sending' AND o."leaseExpiresAt" <= ${request.now}))
        ORDER BY o."nextAttemptAt", o."id"
        LIMIT ${request.limit}
        ${lockClause}
      )
      RETURNING "id", "pixelConfigId", "eventName", "eventId", "eventTime", "payload", "attempts", "nextAttemptAt"`,
  );

  rows.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id.localeCompare(b.id));
  const batches = new Map<string, ClaimedBatch>();
  for (const row of rows) {
    let batch = batches.get(row.pixelConfigId);
    if (!batch) batches.set(row.pixelConfigId, (batch = { pixelConfigId: row.pixelConfigId, lease, events: [] }));
    batch.events.push({
      id: row.id,
      eventName: row.eventName,
      eventId: row.eventId,
      eventTime: row.eventTime,
      payload: JSON.parse(row.payload) as ServerEvent,
      attempts: Number(row.attempts),
    });
  }
  return [...batches.values()];
}
