import type { DeliveryReport, EventResult, GraphError } from '../../graph';
import type { ClaimedEvent } from '../port';
import { attemptDetails } from './attempt-details';
import type { BatchOutcomes } from './batch-outcomes';
import { type DeliveryContext, openCircuit } from './delivery-context';
import { bySameAnswer, codesOf, errorOf, idsOf, type Outcome } from './outcome';
import { scheduleRetries } from './schedule-retries';
import { addCounts, emptyCounts, type RoundCounts } from './worker-events';

/**
 * Gathers what Graph said about each event of one pixel's batch into the batch's outcomes. A
 * configuration refusal stops the pixel at once, before the outcomes are written.
 */
export async function applyResults(
  ctx: DeliveryContext,
  outcomes: BatchOutcomes,
  events: readonly ClaimedEvent[],
  report: DeliveryReport,
  attemptedAt: Date,
): Promise<RoundCounts> {
  if (report.results.length !== events.length) {
    throw new Error(`Graph client answered ${report.results.length} results for ${events.length} events`);
  }
  const answered: Outcome[] = events.map((event, index) => {
    const result = report.results[index] as EventResult;
    return { event, result, details: attemptDetails(result, report.requests, attemptedAt) };
  });
  const failedWith = (kind: GraphError['kind']) => answered.filter(({ result }) => !result.ok && result.error.kind === kind);
  const counts = emptyCounts();

  counts.held += await holdBehindCircuit(ctx, outcomes, failedWith('configuration'));
  counts.sent += recordSent(ctx, outcomes, answered.filter(({ result }) => result.ok));
  for (const outcome of failedWith('rejected')) {
    recordRejected(ctx, outcomes, outcome);
    counts.failed += 1;
  }
  return addCounts(counts, scheduleRetries(ctx, outcomes, failedWith('retry')));
}

/** Events sent in one request share its fbtrace_id: one `sent` announcement per request. */
function recordSent(ctx: DeliveryContext, outcomes: BatchOutcomes, sent: Outcome[]): number {
  const { pixelConfigId } = outcomes.batch;
  for (const group of bySameAnswer(sent)) {
    const { details } = group[0] as Outcome;
    const attempt = { ...details, outcome: 'sent' as const };
    const outboxEventIds = idsOf(group);
    outcomes.add(
      outboxEventIds.map((id) => ({ id, kind: 'sent', attempt })),
      () => ctx.events.emit('sent', { pixelConfigId, outboxEventIds, ...(details.fbtraceId === undefined ? {} : { fbtraceId: details.fbtraceId }) }),
    );
  }
  return sent.length;
}

/** The attempt is recorded; the events stay queued, due now, and wait behind the stopped pixel. */
async function holdBehindCircuit(ctx: DeliveryContext, outcomes: BatchOutcomes, refused: Outcome[]): Promise<number> {
  const first = refused[0];
  if (!first) return 0;
  await openCircuit(ctx, outcomes.batch.pixelConfigId, errorOf(first));
  const dueNow = ctx.options.clock();
  outcomes.add(refused.map(({ event, details }) => ({ id: event.id, kind: 'retry', nextAttemptAt: dueNow, attempt: { ...details, outcome: 'configuration' } })));
  return refused.length;
}

/** Dead-letters the event with what support needs to ask Meta about it (spec item 23). */
function recordRejected(ctx: DeliveryContext, outcomes: BatchOutcomes, outcome: Outcome): void {
  const { pixelConfigId } = outcomes.batch;
  const error = errorOf(outcome);
  const detail = [
    error.merchantMessage,
    error.userTitle === undefined ? undefined : `Meta's title: "${error.userTitle}".`,
    error.fbtraceId === undefined ? undefined : `fbtrace_id: ${error.fbtraceId}.`,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
  outcomes.add([{ id: outcome.event.id, kind: 'failed', reason: 'rejected', detail, attempt: { ...outcome.details, outcome: 'rejected' } }], () => announceRejected(ctx, pixelConfigId, outcome, error));
}

function announceRejected(ctx: DeliveryContext, pixelConfigId: string, outcome: Outcome, error: GraphError): void {
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
