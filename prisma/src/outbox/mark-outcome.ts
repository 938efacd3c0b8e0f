/**
 * Outcomes for claimed rows: they apply only while the row is `sending` under the caller's lease
 * token. Each attempt-carrying outcome counts the attempt and appends a DeliveryAttempt row in the
 * same transaction. A row another claim took (the caller's lease ran out) or that is finished is left
 * alone, and the store's logger hears about it.
 */
import type { AttemptRecord, Logger, NotSentReason } from '@capi-relay/core';
import type { Db, Prisma, Tx } from '../client';
import { uuidv7 } from '../ids';
import { idChunks } from './id-chunks';

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
  leaseToken: string,
  ids: string[],
  data: Prisma.OutboxEventUpdateManyMutationInput,
  attempt: Attempt | null,
): Promise<string[]> {
  const updatedIds: string[] = [];
  for (const chunk of idChunks(ids)) {
    const updated = await tx.outboxEvent.updateManyAndReturn({
      where: { id: { in: chunk }, status: 'sending', leaseOwner: leaseToken },
      data: {
        ...data,
        leaseOwner: null,
        leaseExpiresAt: null,
        ...(attempt && { attempts: { increment: 1 } }),
      },
      select: { id: true },
    });
    updatedIds.push(...updated.map((row) => row.id));
  }
  if (attempt && updatedIds.length > 0) {
    await tx.deliveryAttempt.createMany({ data: updatedIds.map((id) => attemptRow(id, attempt)) });
  }
  return updatedIds;
}

export function createOutcomeMarkers(db: Db, logger: Logger) {
  async function apply(
    action: string,
    leaseToken: string,
    ids: string[],
    data: Prisma.OutboxEventUpdateManyMutationInput,
    attempt: Attempt | null,
  ): Promise<void> {
    if (ids.length === 0) return;
    const updated = await db.write((tx) => finishClaimed(tx, leaseToken, ids, data, attempt));
    if (updated.length < ids.length) {
      const applied = new Set(updated);
      const skipped = ids.filter((id) => !applied.has(id));
      logger.warn({ action, leaseToken, outboxEventIds: skipped }, 'outbox rows are no longer held under this lease; outcome not applied');
    }
  }

  return {
    markSent: (leaseToken: string, ids: string[], attempt: Attempt) =>
      apply('markSent', leaseToken, ids, { status: 'sent', sentAt: attempt.attemptedAt, reason: null, reasonDetail: null }, attempt),

    markRetry: (leaseToken: string, ids: string[], nextAttemptAt: Date, attempt: Attempt) =>
      apply('markRetry', leaseToken, ids, { status: 'queued', nextAttemptAt }, attempt),

    markFailed: (leaseToken: string, ids: string[], reason: NotSentReason, detail: string, attempt: Attempt) =>
      // The port's rule: an event too old to send is `expired`, every other refusal is `failed`.
      apply('markFailed', leaseToken, ids, { status: reason === 'too_old' ? 'expired' : 'failed', reason, reasonDetail: detail }, attempt),

    markExpired: (leaseToken: string, ids: string[], detail: string) =>
      apply('markExpired', leaseToken, ids, { status: 'expired', reason: 'too_old', reasonDetail: detail }, null),

    release: (leaseToken: string, ids: string[]) => apply('release', leaseToken, ids, { status: 'queued' }, null),
  };
}
