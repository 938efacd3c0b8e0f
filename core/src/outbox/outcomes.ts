/**
 * What every outbox store does with an `EventOutcome`, whatever its storage: the columns it changes,
 * which duplicate wins, and the single-kind mark operations built on `recordOutcomes`.
 */
import type { EventOutcome, NotSentReason, OutboxStatus, OutboxStore, OutcomeAttempt } from './port';

/**
 * The columns an outcome sets besides the lease (cleared) and the update time. A field left out keeps
 * the row's value: a retry keeps the reason of an earlier refusal, a release keeps everything.
 */
export interface OutcomeColumns {
  status: OutboxStatus;
  sentAt?: Date;
  /** null clears the column. */
  reason?: NotSentReason | null;
  reasonDetail?: string | null;
  nextAttemptAt?: Date;
  /** Present when the outcome counts an attempt and appends its attempt row. */
  attempt?: OutcomeAttempt;
}

export function outcomeColumns(outcome: EventOutcome): OutcomeColumns {
  switch (outcome.kind) {
    case 'sent':
      return { status: 'sent', sentAt: outcome.attempt.attemptedAt, reason: null, reasonDetail: null, attempt: outcome.attempt };
    case 'retry':
      return { status: 'queued', nextAttemptAt: outcome.nextAttemptAt, attempt: outcome.attempt };
    case 'failed':
      // The port's rule: an event too old to send is `expired`, every other refusal is `failed`.
      return { status: outcome.reason === 'too_old' ? 'expired' : 'failed', reason: outcome.reason, reasonDetail: outcome.detail, attempt: outcome.attempt };
    case 'expired':
      return { status: 'expired', reason: 'too_old', reasonDetail: outcome.detail };
    case 'released':
      return { status: 'queued' };
  }
}

/** The outcomes with each id's first one only, in their order. */
export function distinctOutcomes(outcomes: readonly EventOutcome[]): EventOutcome[] {
  const seen = new Set<string>();
  return outcomes.filter((outcome) => !seen.has(outcome.id) && seen.add(outcome.id));
}

export type OutcomeMarks = Pick<OutboxStore, 'markSent' | 'markRetry' | 'markFailed' | 'markExpired' | 'release'>;

/** The port's mark operations as `recordOutcomes` calls with one kind for every id. */
export function outcomeMarks(record: OutboxStore['recordOutcomes']): OutcomeMarks {
  return {
    markSent: (leaseToken, ids, attempt) => record(leaseToken, ids.map((id) => ({ id, kind: 'sent', attempt }))),
    markRetry: (leaseToken, ids, nextAttemptAt, attempt) => record(leaseToken, ids.map((id) => ({ id, kind: 'retry', nextAttemptAt, attempt }))),
    markFailed: (leaseToken, ids, reason, detail, attempt) => record(leaseToken, ids.map((id) => ({ id, kind: 'failed', reason, detail, attempt }))),
    markExpired: (leaseToken, ids, detail) => record(leaseToken, ids.map((id) => ({ id, kind: 'expired', detail }))),
    release: (leaseToken, ids) => record(leaseToken, ids.map((id) => ({ id, kind: 'released' }))),
  };
}
