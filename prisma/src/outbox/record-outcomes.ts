/**
 * Outcomes for claimed rows, in one transaction of two multi-row statements whatever the batch size
 * (delivery-sql.ts): the rows' new state, then one DeliveryAttempt row per applied outcome that
 * carries an attempt. They apply only while the row is `sending` under the caller's lease token; a row
 * another claim took (the caller's lease ran out) or that is finished is left alone, and the store's
 * logger hears about it.
 */
import { distinctOutcomes, type EventOutcome, type Logger, outcomeColumns, type OutcomeAttempt } from '@capi-relay/core';
import type { Db } from '../client';
import { uuidv7 } from '../ids';
import { deliveryStatements, jsonTime } from './delivery-sql';

interface OutcomeRow {
  id: string;
  status: string;
  sentAt: string | null;
  /** 1: reason and reasonDetail take the values below (null clears them); 0: they keep theirs. */
  setsReason: 0 | 1;
  reason: string | null;
  reasonDetail: string | null;
  nextAttemptAt: string | null;
  attempted: 0 | 1;
}

interface AttemptRow {
  id: string;
  outboxEventId: string;
  attemptedAt: string;
  outcome: OutcomeAttempt['outcome'];
  httpStatus: number | null;
  code: number | null;
  subcode: number | null;
  fbtraceId: string | null;
  latencyMs: number | null;
  message: string | null;
}

export async function recordOutcomes(db: Db, logger: Logger, leaseToken: string, outcomes: readonly EventOutcome[]): Promise<void> {
  const distinct = distinctOutcomes(outcomes);
  if (distinct.length === 0) return;
  const time = (date: Date) => jsonTime(db.provider, date);
  const rows: OutcomeRow[] = [];
  const attempts = new Map<string, OutcomeAttempt>();
  for (const outcome of distinct) {
    const columns = outcomeColumns(outcome);
    rows.push({
      id: outcome.id,
      status: columns.status,
      sentAt: columns.sentAt ? time(columns.sentAt) : null,
      setsReason: columns.reason === undefined ? 0 : 1,
      reason: columns.reason ?? null,
      reasonDetail: columns.reasonDetail ?? null,
      nextAttemptAt: columns.nextAttemptAt ? time(columns.nextAttemptAt) : null,
      attempted: columns.attempt ? 1 : 0,
    });
    if (columns.attempt) attempts.set(outcome.id, columns.attempt);
  }

  const { outcomeUpdate, attemptInsert } = deliveryStatements(db);
  const updated = await db.sql.transaction(async (tx) => {
    const changed = await tx.query<{ id: string }>(outcomeUpdate, [JSON.stringify(rows), leaseToken, new Date()]);
    const attemptRows: AttemptRow[] = [];
    for (const { id } of changed) {
      const attempt = attempts.get(id);
      if (attempt) attemptRows.push(attemptRow(id, attempt, time));
    }
    if (attemptRows.length > 0) await tx.run(attemptInsert, [JSON.stringify(attemptRows)]);
    return changed;
  });

  if (updated.length < distinct.length) {
    const applied = new Set(updated.map(({ id }) => id));
    const skipped = distinct.filter(({ id }) => !applied.has(id)).map(({ id }) => id);
    logger.warn({ leaseToken, outboxEventIds: skipped }, 'outbox rows are no longer held under this lease; outcome not applied');
  }
}

function attemptRow(outboxEventId: string, attempt: OutcomeAttempt, time: (date: Date) => string): AttemptRow {
  return {
    id: uuidv7(attempt.attemptedAt.getTime()),
    outboxEventId,
    attemptedAt: time(attempt.attemptedAt),
    outcome: attempt.outcome,
    httpStatus: attempt.httpStatus ?? null,
    code: attempt.code ?? null,
    subcode: attempt.subcode ?? null,
    fbtraceId: attempt.fbtraceId ?? null,
    latencyMs: attempt.latencyMs ?? null,
    message: attempt.message ?? null,
  };
}
