import { RetryableGraphError } from '../../graph';
import { retryDelayMs } from './backoff';
import type { BatchOutcomes } from './batch-outcomes';
import type { DeliveryContext } from './delivery-context';
import { describeGraphFailure, expireEvent, tooOldAt } from './expire-event';
import { bySameAnswer, codesOf, errorOf, idsOf, type Outcome } from './outcome';
import { emptyCounts, type RoundCounts } from './worker-events';

/**
 * Backs off exponentially with full jitter, never sooner than Graph asked. The events one answer
 * turned away with the same attempt count share one delay: they are retried together,
 * as one request, instead of trickling back one by one. An event whose next attempt would land past
 * Meta's age limit is expired now rather than retried into certain refusal.
 */
export function scheduleRetries(ctx: DeliveryContext, outcomes: BatchOutcomes, turnedAway: readonly Outcome[]): RoundCounts {
  const counts = emptyCounts();
  for (const group of bySameAnswer(turnedAway, ({ event }) => String(event.attempts))) {
    const verdict = scheduleGroup(ctx, outcomes, group);
    counts.retried += verdict.retried;
    counts.expired += verdict.expired;
    counts.failed += verdict.failed;
  }
  return counts;
}

function scheduleGroup(ctx: DeliveryContext, outcomes: BatchOutcomes, group: Outcome[]): Pick<RoundCounts, 'retried' | 'expired' | 'failed'> {
  const { clock, random, backoff, maxAttempts } = ctx.options;
  const { pixelConfigId } = outcomes.batch;
  const first = group[0] as Outcome;
  const error = errorOf(first);
  const attempt = { ...first.details, outcome: 'retry' as const };
  const attempts = first.event.attempts + 1;

  if (maxAttempts !== undefined && attempts >= maxAttempts) {
    const detail = `Gave up after ${attempts} attempts; the last one failed with ${describeGraphFailure(error)}.`;
    outcomes.add(
      idsOf(group).map((id) => ({ id, kind: 'failed', reason: 'retries_exhausted', detail, attempt })),
      () => {
        for (const { event } of group) ctx.events.emit('failed', { pixelConfigId, outboxEventId: event.id, reason: 'retries_exhausted', ...codesOf(error) });
      },
    );
    return { retried: 0, expired: 0, failed: group.length };
  }

  const graphWaitMs = error instanceof RetryableGraphError ? error.retryAfterMs : 0;
  const nextAttemptAt = new Date(clock().getTime() + retryDelayMs(attempts, backoff, random, graphWaitMs));
  const onTime: Outcome[] = [];
  for (const outcome of group) {
    if (!tooOldAt(outcome.event, nextAttemptAt)) onTime.push(outcome);
    else expireEvent(outcomes, outcome.event, { error, details: outcome.details });
  }
  if (onTime.length > 0) {
    outcomes.add(
      idsOf(onTime).map((id) => ({ id, kind: 'retry', nextAttemptAt, attempt })),
      () => {
        for (const { event } of onTime) ctx.events.emit('retry', { pixelConfigId, outboxEventId: event.id, attempts, nextAttemptAt, ...codesOf(error) });
      },
    );
  }
  return { retried: onTime.length, expired: group.length - onTime.length, failed: 0 };
}
