import { describeFailure } from '../../describe-failure';
import type { DeliveryContext } from './delivery-context';

/** The lease on a batch's events as far as this worker knows: renewals move it on. */
export interface HeldLease {
  expiresAt: Date;
}

/** The longest pause between two tries: a database back from a restart is noticed within this. */
const MAX_PAUSE_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes what Meta said about events it accepted, trying again while the database is away (a restart,
 * a failover) for as long as the lease keeps the events this worker's. Given up at once, the events
 * would wait out the lease and go to Meta a second time, which Meta has to deduplicate. Past the lease
 * another worker may already be sending them, so the error is thrown then, as before.
 */
export async function recordWhileLeased(ctx: DeliveryContext, lease: HeldLease, write: () => Promise<void>): Promise<void> {
  const { clock, pollIntervalMs, logger } = ctx.options;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await write();
      return;
    } catch (error) {
      const pauseMs = Math.min(pollIntervalMs * 2 ** (attempt - 1), MAX_PAUSE_MS);
      if (clock().getTime() + pauseMs >= lease.expiresAt.getTime()) throw error;
      logger.warn({ error: describeFailure(error), attempt, pauseMs }, 'recording events Meta accepted failed; trying again while the lease holds');
      await sleep(pauseMs);
    }
  }
}
