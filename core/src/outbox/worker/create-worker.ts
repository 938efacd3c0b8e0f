import { EventEmitter } from 'node:events';
import { describeFailure } from '../../describe-failure';
import type { DeliveryContext } from './delivery-context';
import { deliverBatch } from './deliver-batch';
import { Doorbell } from './doorbell';
import { addCounts, emptyCounts, type RoundCounts, type WorkerEventMap } from './worker-events';
import { type ResolvedWorkerOptions, resolveWorkerOptions, type WorkerOptions } from './worker-options';

/** A failing round (database down) is retried after the poll interval, growing to this at most. */
const MAX_ERROR_PAUSE_MS = 60_000;

/**
 * Claims due outbox events and delivers them to Meta, pixel by pixel, until stopped. Several workers
 * may run against one database: the store's leases keep them from sending the same events.
 */
export class DeliveryWorker extends EventEmitter<WorkerEventMap> {
  private readonly options: ResolvedWorkerOptions;
  private readonly context: DeliveryContext;
  private readonly doorbell = new Doorbell();
  private running: { controller: AbortController; loop: Promise<void> } | undefined;
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(options: WorkerOptions) {
    super();
    this.options = resolveWorkerOptions(options);
    this.context = { options: this.options, events: this };
  }

  get workerId(): string {
    return this.options.workerId;
  }

  /** One claim-and-send round over every pixel with due events. */
  async runOnce(): Promise<RoundCounts> {
    const { outbox, workerId, clock, batchSize, leaseMs, logger } = this.options;
    const batches = await outbox.claimDue({ workerId, now: clock(), limit: batchSize, leaseMs });
    const settled = await Promise.allSettled(batches.map((batch) => deliverBatch(this.context, batch)));
    let counts = emptyCounts();
    settled.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') {
        counts = addCounts(counts, outcome.value);
        return;
      }
      // The batch's events keep their lease and are reclaimed when it expires: nothing is lost.
      const batch = batches[index];
      counts.claimed += batch?.events.length ?? 0;
      logger.error({ pixelConfigId: batch?.pixelConfigId, error: describeFailure(outcome.reason) }, 'delivering a batch failed');
    });
    if (counts.claimed > 0) logger.info({ workerId, ...counts }, 'delivery round');
    return counts;
  }

  /** Starts the delivery loop; a second call while running does nothing. */
  start(): void {
    if (this.running) return;
    const controller = new AbortController();
    this.running = { controller, loop: this.loop(controller.signal) };
  }

  /** Finishes the round in flight, then resolves. Claimed events are never abandoned mid-send. */
  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    running.controller.abort();
    await running.loop;
    this.running = undefined;
  }

  /**
   * New events were queued: start a round within `flushDelayMs`, letting a burst gather into one
   * request instead of waiting a whole poll interval. Further notices in that window change nothing.
   */
  notify(): void {
    if (!this.running || this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.doorbell.ring();
    }, this.options.flushDelayMs);
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const { batchSize, pollIntervalMs, logger } = this.options;
    let failures = 0;
    while (!signal.aborted) {
      let fullRound = false;
      try {
        const counts = await this.runOnce();
        fullRound = counts.claimed >= batchSize && counts.held === 0;
        failures = 0;
      } catch (error) {
        failures += 1;
        logger.error({ error: describeFailure(error), failures }, 'delivery round failed');
      }
      // A full round means more is probably due: go again at once instead of idling a poll interval.
      if (fullRound) continue;
      const pause = failures === 0 ? pollIntervalMs : Math.min(pollIntervalMs * 2 ** failures, Math.max(pollIntervalMs, MAX_ERROR_PAUSE_MS));
      await this.doorbell.wait(pause, signal);
    }
  }
}

export function createWorker(options: WorkerOptions): DeliveryWorker {
  return new DeliveryWorker(options);
}
