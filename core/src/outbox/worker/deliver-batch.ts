import { type DeliveryReport, GraphError, type PixelTarget } from '../../graph';
import { sendDeadline } from '../../validate';
import type { ClaimedBatch, ClaimedEvent } from '../port';
import { applyResults } from './apply-results';
import { type DeliveryContext, openCircuit } from './delivery-context';
import { describeFailure } from '../../describe-failure';
import { expireEvent } from './expire-event';
import { keepLease, LeaseLostError } from './lease-keeper';
import type { HeldLease } from './record-while-leased';
import { addCounts, emptyCounts, type RoundCounts } from './worker-events';

/**
 * Delivers one pixel's claimed events: expires those Meta would refuse as too old, sends the rest in
 * one call (the Graph client splits and bisects), and records the outcome of every event.
 */
export async function deliverBatch(ctx: DeliveryContext, batch: ClaimedBatch): Promise<RoundCounts> {
  const counts = { ...emptyCounts(), claimed: batch.events.length };
  const now = ctx.options.clock();
  const live: ClaimedEvent[] = [];
  for (const event of batch.events) {
    if (now > sendDeadline(event.payload)) {
      await expireEvent(ctx, batch, event);
      counts.expired += 1;
    } else {
      live.push(event);
    }
  }
  if (live.length === 0) return counts;

  const target = await resolveOrRelease(ctx, batch, live);
  if (!target) return { ...counts, held: counts.held + live.length };

  const attemptedAt = ctx.options.clock();
  const held: HeldLease = { expiresAt: batch.lease.expiresAt };
  const report = await sendUnderLease(ctx, batch, target, live, held);
  if (!report) return { ...counts, held: counts.held + live.length };
  return addCounts(counts, await applyResults(ctx, batch, live, report, attemptedAt, held));
}

/**
 * Sends while the lease holds; undefined once it was lost mid-delivery. Then the events are another
 * claim's: whatever this worker learnt about them is not written, and the ones it still holds are
 * handed back at once instead of waiting out the lease.
 */
async function sendUnderLease(ctx: DeliveryContext, batch: ClaimedBatch, target: PixelTarget, events: ClaimedEvent[], held: HeldLease): Promise<DeliveryReport | undefined> {
  const ids = events.map((event) => event.id);
  try {
    return await ctx.options.graph.sendEvents(target, events.map((event) => event.payload), { beforeRequest: keepLease(ctx, batch, ids, held) });
  } catch (error) {
    if (!(error instanceof LeaseLostError)) throw error;
    ctx.options.logger.warn({ pixelConfigId: batch.pixelConfigId, outboxEventIds: ids }, 'lease taken over mid-delivery; stopped sending the batch');
    await ctx.options.outbox.release(batch.lease.token, ids);
    return undefined;
  }
}

/**
 * The pixel's target, or undefined after handing the events back. A configuration the settings
 * service refuses (no token saved) stops the pixel like Meta's refusal would; anything else (the
 * database blinked) leaves the events due for the next round.
 */
async function resolveOrRelease(ctx: DeliveryContext, batch: ClaimedBatch, events: ClaimedEvent[]): Promise<PixelTarget | undefined> {
  const { pixelConfigId } = batch;
  try {
    return await ctx.options.resolveTarget(pixelConfigId);
  } catch (error) {
    if (error instanceof GraphError && error.kind === 'configuration') {
      await openCircuit(ctx, pixelConfigId, error);
    } else {
      ctx.options.logger.error({ pixelConfigId, error: describeFailure(error) }, 'could not resolve the pixel target; events released');
    }
    await ctx.options.outbox.release(batch.lease.token, events.map((event) => event.id));
    return undefined;
  }
}
