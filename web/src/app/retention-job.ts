/**
 * Deletes what the app no longer needs, on a timer: delivered events (hashed customer data, IP,
 * user agent), webhook receipts and cart snapshots older than the retention period. PRIVACY.md
 * promises this period to merchants.
 */
import type { Logger, OutboxRetention } from '@capi-relay/core';

const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;

export interface RetentionJob {
  /** One pass; returns what was deleted. */
  runOnce(): Promise<Awaited<ReturnType<OutboxRetention['pruneDelivered']>>>;
  /** A pass now, then every hour, until stopped. */
  start(): void;
  stop(): void;
}

export function createRetentionJob(options: {
  outbox: Pick<OutboxRetention, 'pruneDelivered'>;
  retentionDays: number;
  logger: Logger;
  now?: () => Date;
}): RetentionJob {
  const { outbox, retentionDays, logger, now = () => new Date() } = options;
  let timer: NodeJS.Timeout | undefined;

  const runOnce = async () => {
    const cutoff = new Date(now().getTime() - retentionDays * DAY_MS);
    const deleted = await outbox.pruneDelivered(cutoff);
    logger.info({ cutoff: cutoff.toISOString(), ...deleted }, 'retention: old delivered data deleted');
    return deleted;
  };
  const runLogged = () => {
    // A failed pass (database briefly down) is retried on the next tick.
    runOnce().catch((error: unknown) => logger.error({ error: error instanceof Error ? error.name : String(error) }, 'retention pass failed'));
  };

  return {
    runOnce,
    start() {
      if (timer) return;
      runLogged();
      timer = setInterval(runLogged, HOUR_MS);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
