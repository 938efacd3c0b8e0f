import type { SendOptions } from '../../graph';
import type { ClaimedBatch } from '../port';
import type { DeliveryContext } from './delivery-context';
import type { HeldLease } from './record-while-leased';

/** Another claim took some of the batch's events after its lease ran out: they are not ours to send. */
export class LeaseLostError extends Error {
  constructor(readonly pixelConfigId: string) {
    super(`The lease on pixel ${pixelConfigId}'s batch was taken over; sending stopped.`);
    this.name = 'LeaseLostError';
  }
}

/**
 * Runs before each Graph request of one batch: renews the lease when it would not outlast the request
 * and the writes after it (twice the request timeout), and stops the delivery when it cannot. No
 * request of ours is in flight once another worker may claim the same events, so a slow bisection is
 * never sent twice. Each renewal moves `held` on, so what follows the requests knows how long the
 * events stay this worker's.
 */
export function keepLease(ctx: DeliveryContext, batch: ClaimedBatch, ids: string[], held: HeldLease): NonNullable<SendOptions['beforeRequest']> {
  const { outbox, clock, leaseMs } = ctx.options;
  return async ({ timeoutMs }) => {
    const now = clock();
    if (held.expiresAt.getTime() - now.getTime() >= 2 * timeoutMs) return;
    const renewed = await outbox.renewLease(batch.lease.token, ids, { now, leaseMs });
    if (!renewed) throw new LeaseLostError(batch.pixelConfigId);
    held.expiresAt = renewed;
  };
}
