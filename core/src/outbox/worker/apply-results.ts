import { type DeliveryReport, type EventResult, type GraphError, RetryableGraphError } from '../../graph';
import { sendDeadline } from '../../validate';
import type { ClaimedBatch, ClaimedEvent } from '../port';
import { type AttemptDetails, attemptDetails } from './attempt-details';
import { retryDelayMs } from './backoff';
import { type DeliveryContext, openCircuit } from './delivery-context';
import { describeFailure, expireEvent } from './expire-event';
import { emptyCounts, type RoundCounts } from './worker-events';

interface Outcome {
  event: ClaimedEvent;
  result: EventResult;
  details: AttemptDetails;
}

/**
 * Records what Graph said about each event of one pixel's batch. A configuration refusal is handled
 * first, so the pixel stops before anything else is written.
 */
export async function applyResults(
  ctx: DeliveryContext,
  batch: ClaimedBatch,
  events: readonly ClaimedEvent[],
  report: DeliveryReport,
  attemptedAt: Date,
): Promise<RoundCounts> {
  if (report.results.length !== events.length) {
    throw new Error(`Graph client answered ${report.results.length} results for ${events.length} events`);
  }
  const outcomes: Outcome[] = events.map((event, index) => {
    const result = report.results[index] as EventResult;
    return { event, result, details: attemptDetails(result, report.requests, attemptedAt) };
  });
  const failedWith = (kind: GraphError['kind']) => outcomes.filter(({ result }) => !result.ok && result.error.kind === kind);
  const counts = emptyCounts();

  counts.held += await holdBehindCircuit(ctx, batch, failedWith('configuration'));
  counts.sent += await recordSent(ctx, batch, outcomes.filter(({ result }) => result.ok));
  for (const outcome of failedWith('rejected')) {
    await recordRejected(ctx, batch, outcome);
    counts.failed += 1;
  }
  for (const outcome of failedWith('retry')) {
    const verdict = await scheduleRetry(ctx, batch, outcome);
    counts[verdict] += 1;
  }
  return counts;
}

function errorOf(outcome: Outcome): GraphError {
  if (outcome.result.ok) throw new Error('errorOf: the event was sent');
  return outcome.result.error;
}

/** Events sent in one request share its fbtrace_id, so each request's events are marked in one write. */
async function recordSent(ctx: DeliveryContext, { pixelConfigId, lease }: ClaimedBatch, sent: Outcome[]): Promise<number> {
  const byRequest = new Map<string | undefined, Outcome[]>();
  for (const outcome of sent) {
    const key = outcome.details.fbtraceId;
    byRequest.set(key, [...(byRequest.get(key) ?? []), outcome]);
  }
  for (const [fbtraceId, group] of byRequest) {
    const outboxEventIds = group.map(({ event }) => event.id);
    await ctx.options.outbox.markSent(lease.token, outboxEventIds, { ...(group[0] as Outcome).details, outcome: 'sent' });
    ctx.events.emit('sent', { pixelConfigId, outboxEventIds, ...(fbtraceId === undefined ? {} : { fbtraceId }) });
  }
  return sent.length;
}

/** The attempt is recorded; the events stay queued, due now, and wait behind the stopped pixel. */
async function holdBehindCircuit(ctx: DeliveryContext, { pixelConfigId, lease }: ClaimedBatch, refused: Outcome[]): Promise<number> {
  const first = refused[0];
  if (!first) return 0;
  await openCircuit(ctx, pixelConfigId, errorOf(first));
  const dueNow = ctx.options.clock();
  for (const { event, details } of refused) {
    await ctx.options.outbox.markRetry(lease.token, event.id, dueNow, { ...details, outcome: 'configuration' });
  }
  return refused.length;
}

/** Dead-letters the event with what support needs to ask Meta about it (spec item 23). */
async function recordRejected(ctx: DeliveryContext, { pixelConfigId, lease }: ClaimedBatch, outcome: Outcome): Promise<void> {
  const error = errorOf(outcome);
  const detail = [
    error.merchantMessage,
    error.userTitle === undefined ? undefined : `Meta's title: "${error.userTitle}".`,
    error.fbtraceId === undefined ? undefined : `fbtrace_id: ${error.fbtraceId}.`,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
  await ctx.options.outbox.markFailed(lease.token, outcome.event.id, 'rejected', detail, { ...outcome.details, outcome: 'rejected' });
  ctx.options.logger.warn(
    { pixelConfigId, outboxEventId: outcome.event.id, eventId: outcome.event.eventId, code: error.code, subcode: error.subcode, fbtraceId: error.fbtraceId },
    'event rejected by Meta',
  );
  ctx.events.emit('failed', {
    pixelConfigId,
    outboxEventId: outcome.event.id,
    reason: 'rejected',
    ...codesOf(error),
    ...(error.fbtraceId === undefined ? {} : { fbtraceId: error.fbtraceId }),
  });
}

/**
 * Backs off exponentially with full jitter, never sooner than Graph asked. An event whose next attempt
 * would land past Meta's age limit is expired now rather than retried into certain refusal.
 */
async function scheduleRetry(ctx: DeliveryContext, batch: ClaimedBatch, outcome: Outcome): Promise<'retried' | 'expired' | 'failed'> {
  const { pixelConfigId, lease } = batch;
  const { outbox, clock, random, backoff, maxAttempts } = ctx.options;
  const { event, details } = outcome;
  const error = errorOf(outcome);
  const graphWaitMs = error instanceof RetryableGraphError ? error.retryAfterMs : 0;
  const attempts = event.attempts + 1;
  if (maxAttempts !== undefined && attempts >= maxAttempts) {
    const detail = `Gave up after ${attempts} attempts; the last one failed with ${describeFailure(error)}.`;
    await outbox.markFailed(lease.token, event.id, 'retries_exhausted', detail, { ...details, outcome: 'retry' });
    ctx.events.emit('failed', { pixelConfigId, outboxEventId: event.id, reason: 'retries_exhausted', ...codesOf(error) });
    return 'failed';
  }
  const nextAttemptAt = new Date(clock().getTime() + retryDelayMs(attempts, backoff, random, graphWaitMs));
  if (nextAttemptAt > sendDeadline(event.payload)) {
    await expireEvent(ctx, batch, event, { error, details });
    return 'expired';
  }
  await outbox.markRetry(lease.token, event.id, nextAttemptAt, { ...details, outcome: 'retry' });
  ctx.events.emit('retry', { pixelConfigId, outboxEventId: event.id, attempts, nextAttemptAt, ...codesOf(error) });
  return 'retried';
}

function codesOf(error: GraphError): { code?: number; subcode?: number } {
  return {
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.subcode === undefined ? {} : { subcode: error.subcode }),
  };
}
