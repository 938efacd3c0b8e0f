/**
 * An OutboxStore kept in memory, for unit tests of code that queues or delivers events. It passes the
 * same conformance suite as the Prisma store, so a test that is green against it means what it would
 * mean against a database.
 */
import { type Logger, silentLogger } from '../../log';
import type { PixelConfigStore } from '../../settings/port';
import type {
  ClaimedBatch,
  CustomerDataExport,
  CustomerDataSelector,
  CustomerDeletion,
  Lease,
  DeliveryReceipt,
  EventOutcome,
  ListEventsQuery,
  MatchQualityCounts,
  NewOutboxEvent,
  OpenOutboxEvent,
  OutboxEventLog,
  OutboxEventSummary,
  OutboxRetention,
  OutboxStatus,
  OutboxStore,
  PruneOptions,
  PruneResult,
  RecordOptions,
  RecordResult,
} from '../port';
import { claimedEvent } from '../claimed-event';
import { distinctOutcomes, outcomeColumns, outcomeMarks, type OutcomeMarks } from '../outcomes';
import { assertRecordable } from '../recordable';
import { isOpenToTwin, stitchTwin } from '../stitch';
import { assertClaimArguments, assertLeaseLength, pruneBatchSize } from '../store-arguments';
import { MemoryCartStateStore } from './memory-cart-state';
import { countByStatus, listEvents, matchQuality } from './memory-event-log';
import { deleteCustomerData, exportCustomerData, pruneOlderThan } from './memory-retention';
import { eventKey, type MemoryEventRow, MemoryOutboxState } from './memory-state';

export interface MemoryOutboxStoreOptions {
  /** Where record() checks a pixel exists and claimDue() that it is enabled with its circuit closed. */
  pixels: Pick<PixelConfigStore, 'get'>;
  /** Stamps rows and receipts when written, as the database's clock does. */
  clock?: () => Date;
  /** Hears about outcomes that were not applied, like the Prisma store's logger. */
  logger?: Logger;
}

export class MemoryOutboxStore implements OutboxStore, OutboxEventLog, OutboxRetention {
  readonly carts: MemoryCartStateStore;
  protected readonly state: MemoryOutboxState;
  private readonly pixelLookup: Pick<PixelConfigStore, 'get'>;
  private readonly logger: Logger;
  private readonly marks: OutcomeMarks = outcomeMarks((leaseToken, outcomes) => this.recordOutcomes(leaseToken, outcomes));

  constructor(options: MemoryOutboxStoreOptions) {
    this.pixelLookup = options.pixels;
    this.logger = options.logger ?? silentLogger;
    this.state = new MemoryOutboxState(options.clock ?? (() => new Date()));
    this.carts = new MemoryCartStateStore(this.state);
  }

  /** Registers a store (shop), as the Store table would hold it; returns its id. */
  addStore(storeId = this.state.nextId('store')): string {
    this.state.stores.add(storeId);
    return storeId;
  }

  async record(receipt: DeliveryReceipt | null, events: NewOutboxEvent[], options: RecordOptions = {}): Promise<RecordResult> {
    events.forEach(assertRecordable);
    const storeIds = [...events.map((event) => event.storeId), ...(receipt ? [receipt.storeId] : []), ...(options.cartState ? [options.cartState.storeId] : [])];
    for (const storeId of new Set(storeIds)) this.carts.assertStore(storeId);
    for (const pixelConfigId of new Set(events.map((event) => event.pixelConfigId))) {
      if (pixelConfigId !== null && !(await this.pixelLookup.get(pixelConfigId))) throw new Error(`No pixel configuration ${pixelConfigId}.`);
    }
    // From here on nothing awaits, so checks and writes are all-or-nothing.
    const now = this.state.clock();
    const receiptKey = receipt && JSON.stringify([receipt.storeId, receipt.source, receipt.deliveryId]);
    if (receiptKey && this.state.receipts.has(receiptKey)) return { duplicateDelivery: true, inserted: 0, duplicateEvents: 0, stitched: 0 };
    const { cartState, cartStateBasedOn } = options;
    if (cartState && cartStateBasedOn !== undefined) this.carts.assertUnchanged(cartState, cartStateBasedOn);
    if (receiptKey) this.state.receipts.set(receiptKey, { receivedAt: now });
    let inserted = 0;
    let stitched = 0;
    for (const event of events) {
      if (this.insert(event, now)) inserted += 1;
      else if (this.stitch(event, now)) stitched += 1;
    }
    if (cartState) this.carts.write(cartState, now, cartStateBasedOn !== undefined);
    return { duplicateDelivery: false, inserted, duplicateEvents: events.length - inserted - stitched, stitched };
  }

  /** Merges the event into its stored twin when that row is still open; true when the row changed. */
  private stitch(event: NewOutboxEvent, now: Date): boolean {
    const id = this.state.eventKeys.get(eventKey(event));
    const row = id === undefined ? undefined : this.state.events.get(id);
    const update = row && stitchTwin(row, event, now);
    if (!update) return false;
    Object.assign(row, { ...update, payload: structuredClone(update.payload), updatedAt: now });
    return true;
  }

  async findOpenEvents(storeId: string, sourceIds: string[]): Promise<OpenOutboxEvent[]> {
    const sources = new Set(sourceIds);
    return [...this.state.events.values()]
      .filter((row) => row.storeId === storeId && sources.has(row.sourceId) && row.pixelConfigId !== null && isOpenToTwin(row))
      .map((row) => ({ pixelConfigId: row.pixelConfigId as string, eventName: row.eventName, eventId: row.eventId, sourceId: row.sourceId, payload: structuredClone(row.payload) }));
  }

  /** Inserts one row unless its (pixel, event name, event id) exists; returns it when inserted. */
  protected insert(event: NewOutboxEvent, now: Date): MemoryEventRow | undefined {
    const key = eventKey(event);
    if (this.state.eventKeys.has(key)) return undefined;
    const row: MemoryEventRow = {
      id: this.state.nextId('event'),
      storeId: event.storeId,
      pixelConfigId: event.pixelConfigId,
      eventName: event.eventName,
      eventId: event.eventId,
      sourceId: event.sourceId,
      customerRef: event.customerRef ?? null,
      cartToken: event.cartToken ?? null,
      checkoutToken: event.checkoutToken ?? null,
      eventTime: event.eventTime,
      payload: structuredClone(event.payload),
      status: event.status,
      reason: event.reason ?? null,
      reasonDetail: event.reasonDetail ?? null,
      userDataKeys: [...event.userDataKeys],
      droppedUserData: event.droppedUserData.map((dropped) => ({ ...dropped })),
      attempts: 0,
      // A queued row is due at once (unless it waits for its twin); its event time orders the queue fairly (oldest first).
      nextAttemptAt: event.status === 'queued' ? (event.dueAt ?? event.eventTime) : null,
      leaseOwner: null,
      leaseExpiresAt: null,
      awaitingTwin: event.awaitingTwin ?? null,
      withoutConsentSignal: event.withoutConsentSignal === true,
      sentAt: null,
      createdAt: now,
      updatedAt: now,
    };
    this.state.events.set(row.id, row);
    this.state.eventKeys.set(key, row.id);
    return row;
  }

  async claimDue(opts: { workerId: string; now: Date; limit: number; leaseMs: number }): Promise<ClaimedBatch[]> {
    assertClaimArguments(opts);
    const isDue = (row: MemoryEventRow): boolean =>
      (row.status === 'queued' && row.nextAttemptAt !== null && row.nextAttemptAt <= opts.now) ||
      (row.status === 'sending' && row.leaseExpiresAt !== null && row.leaseExpiresAt <= opts.now);
    const claimable = await this.claimablePixels([...this.state.events.values()].filter(isDue));

    // No await from here on: two claims cannot pick the same row.
    const lease: Lease = { token: `${opts.workerId}/${this.state.nextId('lease')}`, expiresAt: new Date(opts.now.getTime() + opts.leaseMs) };
    const picked = [...this.state.events.values()]
      .filter((row) => isDue(row) && row.pixelConfigId !== null && claimable.has(row.pixelConfigId))
      .sort((a, b) => (a.nextAttemptAt?.getTime() ?? 0) - (b.nextAttemptAt?.getTime() ?? 0) || (a.id < b.id ? -1 : 1))
      .slice(0, opts.limit);
    const batches = new Map<string, ClaimedBatch>();
    for (const row of picked) {
      Object.assign(row, { status: 'sending', leaseOwner: lease.token, leaseExpiresAt: lease.expiresAt });
      const pixelConfigId = row.pixelConfigId as string;
      let batch = batches.get(pixelConfigId);
      if (!batch) batches.set(pixelConfigId, (batch = { pixelConfigId, lease: { ...lease }, events: [] }));
      batch.events.push(
        claimedEvent({
          id: row.id,
          eventName: row.eventName,
          eventId: row.eventId,
          eventTime: row.eventTime,
          payloadJson: JSON.stringify(row.payload),
          attempts: row.attempts,
        }),
      );
    }
    return [...batches.values()];
  }

  /** The pixels among the rows' that are enabled with a closed circuit. */
  private async claimablePixels(rows: MemoryEventRow[]): Promise<Set<string>> {
    const claimable = new Set<string>();
    for (const pixelConfigId of new Set(rows.map((row) => row.pixelConfigId))) {
      if (pixelConfigId === null) continue;
      const pixel = await this.pixelLookup.get(pixelConfigId);
      if (pixel?.enabled && pixel.stoppedAt === null) claimable.add(pixelConfigId);
    }
    return claimable;
  }

  async renewLease(leaseToken: string, ids: string[], opts: { now: Date; leaseMs: number }): Promise<Date | null> {
    assertLeaseLength('renewLease', opts.leaseMs);
    const rows = [...new Set(ids)].map((id) => this.state.events.get(id));
    // All or nothing, like the Prisma store: the batch is sent as a whole.
    if (!rows.every((row): row is MemoryEventRow => this.isHeld(row, leaseToken))) return null;
    const expiresAt = new Date(opts.now.getTime() + opts.leaseMs);
    for (const row of rows) row.leaseExpiresAt = expiresAt;
    return expiresAt;
  }

  async recordOutcomes(leaseToken: string, outcomes: readonly EventOutcome[]): Promise<void> {
    const skipped: string[] = [];
    const now = this.state.clock();
    for (const outcome of distinctOutcomes(outcomes)) {
      const row = this.state.events.get(outcome.id);
      if (!this.isHeld(row, leaseToken)) {
        skipped.push(outcome.id);
        continue;
      }
      const { attempt, ...columns } = outcomeColumns(outcome);
      Object.assign(row, columns, { leaseOwner: null, leaseExpiresAt: null, updatedAt: now });
      if (attempt) {
        row.attempts += 1;
        this.state.attempts.push({ outboxEventId: outcome.id, ...attempt });
      }
    }
    if (skipped.length > 0) this.logger.warn({ leaseToken, outboxEventIds: skipped }, 'outbox rows are no longer held under this lease; outcome not applied');
  }

  readonly markSent: OutcomeMarks['markSent'] = (...args) => this.marks.markSent(...args);
  readonly markRetry: OutcomeMarks['markRetry'] = (...args) => this.marks.markRetry(...args);
  readonly markFailed: OutcomeMarks['markFailed'] = (...args) => this.marks.markFailed(...args);
  readonly markExpired: OutcomeMarks['markExpired'] = (...args) => this.marks.markExpired(...args);
  readonly release: OutcomeMarks['release'] = (...args) => this.marks.release(...args);

  private isHeld(row: MemoryEventRow | undefined, leaseToken: string): row is MemoryEventRow {
    return row?.status === 'sending' && row.leaseOwner === leaseToken;
  }

  async listEvents(query: ListEventsQuery): Promise<OutboxEventSummary[]> {
    return listEvents(this.state, query);
  }

  async countByStatus(storeId: string): Promise<Record<OutboxStatus, number>> {
    return countByStatus(this.state, storeId);
  }

  async matchQuality(storeId: string, since: Date): Promise<MatchQualityCounts> {
    return matchQuality(this.state, storeId, since);
  }

  async pruneOlderThan(olderThan: Date, options?: PruneOptions): Promise<PruneResult> {
    pruneBatchSize(options); // refuses what the database stores refuse
    return pruneOlderThan(this.state, olderThan);
  }

  async deleteCustomerData(storeId: string, selector: CustomerDataSelector): Promise<CustomerDeletion> {
    return deleteCustomerData(this.state, storeId, selector);
  }
  async exportCustomerData(storeId: string, selector: CustomerDataSelector): Promise<CustomerDataExport> {
    return exportCustomerData(this.state, storeId, selector);
  }

}
