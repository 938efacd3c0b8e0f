import { describeFailure } from '../../describe-failure';
import { type DeliveryReport, GraphError, type PixelTarget } from '../../graph';
import type { ClaimedBatch, ClaimedEvent } from '../port';
import { applyResults } from './apply-results';
import { BatchOutcomes } from './batch-outcomes';
import { type DeliveryContext, openCircuit } from './delivery-context';
import { expireEvent, tooOldAt } from './expire-event';
import { keepLease, LeaseLostError } from './lease-keeper';
import { addCounts, emptyCounts, type RoundCounts } from './worker-events';

/**
 * Delivers one pixel's claimed events: expires those Meta would refuse as too old, sends the rest in
 * one call (the Graph client splits and bisects), and records the outcome of every event in one write.
 */
export async function deliverBatch(ctx: DeliveryContext, batch: ClaimedBatch): Promise<RoundCounts> {
  const outcomes = new BatchOutcomes(ctx, batch);
  const counts = await decide(ctx, outcomes);
  await outcomes.write();
  return counts;
}

/** Every event's outcome, gathered in `outcomes`; nothing is written to the outbox here. */
async function decide(ctx: DeliveryContext, outcomes: BatchOutcomes): Promise<RoundCounts> {
  const { batch } = outcomes;
  const counts = { ...emptyCounts(), claimed: batch.events.length };
  const now = ctx.options.clock();
  const live: ClaimedEvent[] = [];
  for (const event of batch.events) {
    if (tooOldAt(event, now)) {
      expireEvent(outcomes, event);
      counts.expired += 1;
    } else {
      live.push(event);
    }
  }
  if (live.length === 0) return counts;

  const target = await resolveOrRelease(ctx, outcomes, live);
  if (!target) return { ...counts, held: counts.held + live.length };

  const attemptedAt = ctx.options.clock();
  const report = await sendUnderLease(ctx, outcomes, target, live);
  if (!report) return { ...counts, held: counts.held + live.length };
  return addCounts(counts, await applyResults(ctx, outcomes, live, report, attemptedAt));
}

/** Hands the events back untouched, due at once, in the batch's write. */
function release(outcomes: BatchOutcomes, events: readonly ClaimedEvent[]): void {
  outcomes.add(events.map((event) => ({ id: event.id, kind: 'released' })));
}

/**
 * Sends while the lease holds; undefined once it was lost mid-delivery. Then the events are another
 * claim's: whatever this worker learnt about them is not written, and the ones it still holds are
 * handed back at once instead of waiting out the lease (the store skips those it no longer holds).
 */
async function sendUnderLease(ctx: DeliveryContext, outcomes: BatchOutcomes, target: PixelTarget, events: ClaimedEvent[]): Promise<DeliveryReport | undefined> {
  const { batch } = outcomes;
  const ids = events.map((event) => event.id);
  try {
    return await ctx.options.graph.sendEncoded(target, events, { beforeRequest: keepLease(ctx, batch, ids, outcomes.held) });
  } catch (error) {
    if (!(error instanceof LeaseLostError)) throw error;
    ctx.options.logger.warn({ pixelConfigId: batch.pixelConfigId, outboxEventIds: ids }, 'lease taken over mid-delivery; stopped sending the batch');
    release(outcomes, events);
    return undefined;
  }
}

/**
 * The pixel's target, or undefined after handing the events back. A configuration the settings
 * service refuses (no token saved) stops the pixel like Meta's refusal would; anything else (the
 * database blinked) leaves the events due for the next round.
 */
async function resolveOrRelease(ctx: DeliveryContext, outcomes: BatchOutcomes, events: ClaimedEvent[]): Promise<PixelTarget | undefined> {
  const { pixelConfigId } = outcomes.batch;
  try {
    return await ctx.options.resolveTarget(pixelConfigId);
  } catch (error) {
    if (error instanceof GraphError && error.kind === 'configuration') {
      await openCircuit(ctx, pixelConfigId, error);
    } else {
      ctx.options.logger.error({ pixelConfigId, error: describeFailure(error) }, 'could not resolve the pixel target; events released');
    }
    release(outcomes, events);
    return undefined;
  }
}
