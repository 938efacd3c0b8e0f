/**
 * Deletes what the app no longer needs, on a timer: finished events of every status (sent, skipped,
 * failed, expired: hashed customer data, IP, user agent), webhook receipts and cart snapshots older
 * than the retention period, in bounded batches; and data-request exports past their expiry.
 * PRIVACY.md promises these periods to merchants.
 */
import type { Logger, OutboxRetention, PruneResult } from '@capi-relay/core';
import type { DataExportStore } from '@capi-relay/db';

const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;

export interface RetentionJob {
  /** One pass; returns what was deleted. */
  runOnce(): Promise<RetentionPass>;
  /** A pass now, then every hour, until stopped. */
  start(): void;
  stop(): void;
}

export interface RetentionPass extends PruneResult {
  dataExports: number;
}

export function createRetentionJob(options: {
  outbox: Pick<OutboxRetention, 'pruneOlderThan'>;
  dataExports: Pick<DataExportStore, 'pruneExpired'>;
  retentionDays: number;
  logger: Logger;
  now?: () => Date;
}): RetentionJob {
  const { outbox, dataExports, retentionDays, logger, now = () => new Date() } = options;
  let timer: NodeJS.Timeout | undefined;

  const runOnce = async () => {
    const at = now();
    const cutoff = new Date(at.getTime() - retentionDays * DAY_MS);
    const deleted = { ...(await outbox.pruneOlderThan(cutoff)), dataExports: await dataExports.pruneExpired(at) };
    logger.info({ cutoff: cutoff.toISOString(), ...deleted }, 'retention: data past the retention period deleted');
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
