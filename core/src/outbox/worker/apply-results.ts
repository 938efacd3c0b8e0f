import type { DeliveryReport, EventResult, GraphError } from '../../graph';
import type { ClaimedBatch, ClaimedEvent } from '../port';
import { attemptDetails } from './attempt-details';
import { type DeliveryContext, openCircuit } from './delivery-context';
import { bySameAnswer, codesOf, errorOf, idsOf, type Outcome } from './outcome';
import { type HeldLease, recordWhileLeased } from './record-while-leased';
import { scheduleRetries } from './schedule-retries';
import { addCounts, emptyCounts, type RoundCounts } from './worker-events';

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
  lease: HeldLease,
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
  counts.sent += await recordSent(ctx, batch, outcomes.filter(({ result }) => result.ok), lease);
  for (const outcome of failedWith('rejected')) {
    await recordRejected(ctx, batch, outcome);
    counts.failed += 1;
  }
  return addCounts(counts, await scheduleRetries(ctx, batch, failedWith('retry')));
}

/**
 * Events sent in one request share its fbtrace_id, so each request's events are marked in one write.
 * Only this outcome is tried again when the database fails: losing it sends the events twice. A lost
 * retry or refusal mark costs nothing but the same attempt once more after the lease.
 */
async function recordSent(ctx: DeliveryContext, { pixelConfigId, lease }: ClaimedBatch, sent: Outcome[], held: HeldLease): Promise<number> {
  for (const group of bySameAnswer(sent)) {
    const { details } = group[0] as Outcome;
    const outboxEventIds = idsOf(group);
    await recordWhileLeased(ctx, held, () => ctx.options.outbox.markSent(lease.token, outboxEventIds, { ...details, outcome: 'sent' }));
    ctx.events.emit('sent', { pixelConfigId, outboxEventIds, ...(details.fbtraceId === undefined ? {} : { fbtraceId: details.fbtraceId }) });
  }
  return sent.length;
}

/** The attempt is recorded; the events stay queued, due now, and wait behind the stopped pixel. */
async function holdBehindCircuit(ctx: DeliveryContext, { pixelConfigId, lease }: ClaimedBatch, refused: Outcome[]): Promise<number> {
  const first = refused[0];
  if (!first) return 0;
  await openCircuit(ctx, pixelConfigId, errorOf(first));
  const dueNow = ctx.options.clock();
  for (const group of bySameAnswer(refused)) {
    await ctx.options.outbox.markRetry(lease.token, idsOf(group), dueNow, { ...(group[0] as Outcome).details, outcome: 'configuration' });
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
  await ctx.options.outbox.markFailed(lease.token, [outcome.event.id], 'rejected', detail, { ...outcome.details, outcome: 'rejected' });
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
