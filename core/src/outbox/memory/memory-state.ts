import type { ServerEvent } from '../../meta/wire';
import type { EventSummaryColumns } from '../event-summary';
import type { AttemptRecord, CartSnapshot, NewOutboxEvent, TwinHalf } from '../port';

/** One outbox row, with the columns the Prisma schema keeps: the event log's and these. */
export interface MemoryEventRow extends EventSummaryColumns {
  customerRef: string | null;
  cartToken: string | null;
  checkoutToken: string | null;
  payload: ServerEvent;
  /** Last change of the row (its status above all): what retention prunes finished rows by. */
  updatedAt: Date;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  awaitingTwin: TwinHalf | null;
  withoutConsentSignal: boolean;
}

export interface MemoryCartRow {
  /** Kept without its version, which is the row's. */
  snapshot: CartSnapshot;
  /** Writes of the lines by record(); 0 for a row only the pixel created. */
  version: number;
  /** Last written, by webhook or pixel: what retention prunes by. */
  touchedAt: Date;
  /** Insertion order, the tiebreak the database's time-ordered ids give. */
  sequence: number;
}

/**
 * Everything the in-memory stores hold. Reads and writes happen in synchronous stretches, so no two
 * calls interleave inside one: each stretch is as atomic as a database transaction.
 */
export class MemoryOutboxState {
  readonly stores = new Set<string>();
  readonly events = new Map<string, MemoryEventRow>();
  /** The unique key record() deduplicates on: (pixel or store without one, event name, event id) to row id. */
  readonly eventKeys = new Map<string, string>();
  /** Delivery receipts by (source, delivery id). */
  readonly receipts = new Map<string, { receivedAt: Date }>();
  readonly carts = new Map<string, MemoryCartRow>();
  /** Every attempt, oldest first. */
  attempts: AttemptRecord[] = [];
  private sequence = 0;

  constructor(readonly clock: () => Date) {}

  /** Ids that sort in creation order, like the database's UUIDv7s. */
  nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}-${String(this.sequence).padStart(10, '0')}`;
  }

  nextSequence(): number {
    this.sequence += 1;
    return this.sequence;
  }

  /** Deletes the rows with their attempts, freeing their keys for new events. */
  deleteEvents(rows: MemoryEventRow[]): void {
    const ids = new Set(rows.map((row) => row.id));
    for (const row of rows) {
      this.events.delete(row.id);
      this.eventKeys.delete(eventKey(row));
    }
    this.attempts = this.attempts.filter((attempt) => !ids.has(attempt.outboxEventId));
  }

  /** The row's most recent attempt: latest attemptedAt, the later-written one on a tie. */
  lastAttempt(outboxEventId: string): AttemptRecord | undefined {
    let last: AttemptRecord | undefined;
    for (const attempt of this.attempts) {
      if (attempt.outboxEventId === outboxEventId && (!last || attempt.attemptedAt >= last.attemptedAt)) last = attempt;
    }
    return last;
  }
}

export function eventKey(event: Pick<NewOutboxEvent, 'storeId' | 'pixelConfigId' | 'eventName' | 'eventId'>): string {
  const pixelKey = event.pixelConfigId ?? `none:${event.storeId}`;
  return JSON.stringify([pixelKey, event.eventName, event.eventId]);
}

export const cartKey = (storeId: string, cartToken: string): string => JSON.stringify([storeId, cartToken]);
