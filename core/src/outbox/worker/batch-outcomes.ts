import type { ClaimedBatch, ClaimedEvent, EventOutcome } from '../port';
import type { DeliveryContext } from './delivery-context';

/**
 * One batch's outcomes, gathered while it is delivered and written by one `recordOutcomes` call at
 * the end: a round costs one write however its events ended (sent, retried, refused, expired). What
 * the worker announces about them (its events, the expiry log line) waits until they are written.
 */
export class BatchOutcomes {
  private readonly outcomes: EventOutcome[] = [];
  private readonly announcements: Array<() => void> = [];
  private readonly expired: ClaimedEvent[] = [];

  constructor(
    private readonly ctx: DeliveryContext,
    readonly batch: ClaimedBatch,
  ) {}

  add(outcomes: readonly EventOutcome[], announce?: () => void): void {
    this.outcomes.push(...outcomes);
    if (announce) this.announcements.push(announce);
  }

  /** An event that ran out of time: the outcome, and its `expired` announcement after the write. */
  addExpired(outcome: EventOutcome, event: ClaimedEvent): void {
    this.outcomes.push(outcome);
    this.expired.push(event);
  }

  get size(): number {
    return this.outcomes.length;
  }

  async write(): Promise<void> {
    const { outbox, logger } = this.ctx.options;
    const { pixelConfigId, lease } = this.batch;
    if (this.outcomes.length > 0) await outbox.recordOutcomes(lease.token, this.outcomes);
    if (this.expired.length > 0) {
      // One line per batch: after an outage a backlog expires a thousand events a round.
      logger.warn({ pixelConfigId, outboxEventIds: this.expired.map((event) => event.id), count: this.expired.length }, 'events expired before delivery');
    }
    for (const event of this.expired) this.ctx.events.emit('expired', { pixelConfigId, outboxEventId: event.id, eventTime: event.eventTime });
    for (const announce of this.announcements) announce();
  }
}
