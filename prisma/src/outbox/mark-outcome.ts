/**
 * Outcomes for claimed (`sending`) rows. Each attempt-carrying outcome counts the attempt and appends
 * a DeliveryAttempt row in the same transaction. A row that is no longer `sending` (its lease expired
 * and another worker finished it) is left alone, and the caller's logger hears about it.
 */
import type { AttemptRecord, Logger, NotSentReason, OutboxStatus } from '@capi-relay/core';
import type { Db, Prisma, Tx } from '../client';
import { uuidv7 } from '../ids';

type Attempt = Omit<AttemptRecord, 'outboxEventId'>;

function attemptRow(outboxEventId: string, attempt: Attempt): Prisma.DeliveryAttemptCreateManyInput {
  return {
    id: uuidv7(attempt.attemptedAt.getTime()),
    outboxEventId,
    attemptedAt: attempt.attemptedAt,
    outcome: attempt.outcome,
    httpStatus: attempt.httpStatus ?? null,
    code: attempt.code ?? null,
    subcode: attempt.subcode ?? null,
    fbtraceId: attempt.fbtraceId ?? null,
    latencyMs: attempt.latencyMs ?? null,
    message: attempt.message ?? null,
  };
}

async function finishClaimed(
  tx: Tx,
  ids: string[],
  fromStatuses: OutboxStatus[],
  data: Prisma.OutboxEventUpdateManyMutationInput,
  attempt: Attempt | null,
): Promise<string[]> {
  const updated = await tx.outboxEvent.updateManyAndReturn({
    where: { id: { in: ids }, status: { in: fromStatuses } },
    data: {
      ...data,
      leaseOwner: null,
      leaseExpiresAt: null,
      ...(attempt && { attempts: { increment: 1 } }),
    },
    select: { id: true },
  });
  const updatedIds = updated.map((row) => row.id);
  if (attempt && updatedIds.length > 0) {
    await tx.deliveryAttempt.createMany({ data: updatedIds.map((id) => attemptRow(id, attempt)) });
  }
  return updatedIds;
}

export function createOutcomeMarkers(db: Db, logger: Logger) {
  async function apply(
    action: string,
    ids: string[],
    fromStatuses: OutboxStatus[],
    data: Prisma.OutboxEventUpdateManyMutationInput,
    attempt: Attempt | null,
  ): Promise<void> {
    if (ids.length === 0) return;
    const updated = await db.write((tx) => finishClaimed(tx, ids, fromStatuses, data, attempt));
    if (updated.length < ids.length) {
      const skipped = ids.filter((id) => !updated.includes(id));
      logger.warn({ action, outboxEventIds: skipped }, 'outbox rows were no longer claimed; outcome not applied');
    }
  }

  return {
    markSent: (ids: string[], attempt: Attempt) =>
      apply('markSent', ids, ['sending'], { status: 'sent', sentAt: attempt.attemptedAt, reason: null, reasonDetail: null }, attempt),

    markRetry: (id: string, nextAttemptAt: Date, attempt: Attempt) =>
      apply('markRetry', [id], ['sending'], { status: 'queued', nextAttemptAt }, attempt),

    markFailed: (id: string, reason: NotSentReason, detail: string, attempt: Attempt) =>
      // The port's rule: an event too old to send is `expired`, every other refusal is `failed`.
      apply('markFailed', [id], ['sending'], { status: reason === 'too_old' ? 'expired' : 'failed', reason, reasonDetail: detail }, attempt),

    markExpired: (id: string, detail: string) =>
      apply('markExpired', [id], ['queued', 'sending'], { status: 'expired', reason: 'too_old', reasonDetail: detail }, null),

    release: (ids: string[]) => apply('release', ids, ['sending'], { status: 'queued' }, null),
  };
}
