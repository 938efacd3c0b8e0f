import type { ClaimedBatch, ClaimedEvent, EventOutcome } from '../port';
import type { DeliveryContext } from './delivery-context';
import { type HeldLease, recordWhileLeased } from './record-while-leased';

/**
 * One batch's outcomes, gathered while it is delivered and written by one `recordOutcomes` call at
 * the end: a round costs one write however its events ended (sent, retried, refused, expired). What
 * the worker announces about them (its events, the expiry log line) waits until they are written.
 */
export class BatchOutcomes {
  private readonly outcomes: EventOutcome[] = [];
  private readonly announcements: Array<() => void> = [];
  private readonly expired: ClaimedEvent[] = [];
  /** The lease as renewals moved it on, so the write knows how long it may keep trying. */
  readonly held: HeldLease;

  constructor(
    private readonly ctx: DeliveryContext,
    readonly batch: ClaimedBatch,
  ) {
    this.held = { expiresAt: batch.lease.expiresAt };
  }

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
    const write = () => outbox.recordOutcomes(lease.token, this.outcomes);
    // Only a lost `sent` costs anything (the events would go to Meta twice), so only then is the write
    // tried again while the database is away; other outcomes are simply attempted again after the lease.
    if (this.outcomes.some((outcome) => outcome.kind === 'sent')) await recordWhileLeased(this.ctx, this.held, write);
    else if (this.outcomes.length > 0) await write();
    if (this.expired.length > 0) {
      // One line per batch: after an outage a backlog expires a thousand events a round.
      logger.warn({ pixelConfigId, outboxEventIds: this.expired.map((event) => event.id), count: this.expired.length }, 'events expired before delivery');
    }
    for (const event of this.expired) this.ctx.events.emit('expired', { pixelConfigId, outboxEventId: event.id, eventTime: event.eventTime });
    for (const announce of this.announcements) announce();
  }
}
