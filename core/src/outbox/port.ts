/**
 * The outbox store port. Core's worker and planners depend on this interface only; `@capi-relay/db`
 * implements it with Prisma on SQLite and PostgreSQL, `MemoryOutboxStore` in memory for unit tests,
 * and every implementation must pass the shared conformance suite (`@capi-relay/core/testing`).
 *
 * Delivery works by lease: `claimDue` hands a worker rows under a lease token, the worker keeps the
 * lease alive with `renewLease` while it sends, and reports what Graph said with the mark operations,
 * which apply only while the token still holds the rows.
 */
import type { ServerEvent } from '../meta/wire';
import type { BrowserContext, CartLine } from '../model/commerce';
import type { DroppedField } from '../normalize';

/** Lifecycle of one outbox row. `sending` is a claimed row under a lease. */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'skipped', 'expired'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Why an event was not (or will not be) sent. Stored with the row so a merchant can see it.
 * `too_old` rows carry status `expired`; `rejected`/`retries_exhausted` rows carry `failed`.
 */
export const NOT_SENT_REASONS = [
  'disabled',
  'no_pixel',
  'no_consent',
  /**
   * No consent signal came with the event and the pixel's consent policy keeps such events: sent
   * after all if the storefront pixel reports the shopper's consent later (see stitchTwin).
   */
  'no_consent_signal',
  'invalid',
  'needs_browser_context',
  'test_order',
  /** Entered by staff (an admin draft order), not placed by a shopper on the website. */
  'draft_order',
  'order_cancelled',
  'store_uninstalled',
  'too_old',
  'rejected',
  'retries_exhausted',
] as const;
export type NotSentReason = (typeof NOT_SENT_REASONS)[number];

export interface NewOutboxEvent {
  storeId: string;
  /** null when the store has no pixel configured: the row is kept as skipped/no_pixel. */
  pixelConfigId: string | null;
  eventName: string;
  eventId: string;
  /** The platform object the event came from: order id, checkout token, cart token. */
  sourceId: string;
  /** Platform customer id, so a customer's rows can be deleted on request. */
  customerRef?: string;
  /** The cart and checkout the event belongs to, so a redaction reaches them (see SourceTokens). */
  cartToken?: string;
  checkoutToken?: string;
  eventTime: Date;
  payload: ServerEvent;
  status: 'queued' | 'skipped' | 'expired';
  reason?: NotSentReason;
  /** Merchant-readable explanation for `reason`. */
  reasonDetail?: string;
  /** Which user_data keys the payload carries (never their values), for the event log. */
  userDataKeys: string[];
  /**
   * The customer data values left out of the payload, by key, with why (`email is not an email
   * address (...)`), once per key and reason: for the event log and the match-quality figures,
   * which would otherwise only see a key as absent. Reasons name rules, never the values.
   */
  droppedUserData: DroppedField[];
  /**
   * The half of a website event this one lacks and may still receive (the storefront pixel's browser
   * context, or the webhook's customer data): its twin, with the same event_id. Absent when the event
   * is complete or has no twin. See `stitchTwin`.
   */
  awaitingTwin?: TwinHalf;
  /** When a queued row becomes due: its eventTime (at once) unless it waits for its twin. */
  dueAt?: Date;
  /**
   * Planned with no consent signal at all (the policy for such events decided it). Its twin with a
   * signal then decides the Limited Data Use flag instead of it; see `stitchTwin`. Absent: it had one.
   */
  withoutConsentSignal?: true;
}

/** The two halves of a website event: the browser's (pixel) and the server's (webhook). */
export type TwinHalf = 'browser' | 'server';

/** A stored row as stitching sees it (see `stitchTwin`). */
export interface StoredTwin {
  status: OutboxStatus;
  reason: NotSentReason | null;
  payload: ServerEvent;
  customerRef: string | null;
  cartToken: string | null;
  checkoutToken: string | null;
  droppedUserData: DroppedField[];
  awaitingTwin: TwinHalf | null;
  nextAttemptAt: Date | null;
  withoutConsentSignal: boolean;
}

/**
 * Reasons a kept row waits on, that its twin can cure: the browser context, or the shopper's consent
 * signal. Rows kept for any other reason are final.
 */
export const OPEN_SKIP_REASONS = ['needs_browser_context', 'no_consent_signal'] as const satisfies readonly NotSentReason[];

/** A row still open to its twin: queued and not yet claimed, or kept for one of OPEN_SKIP_REASONS. */
export interface OpenOutboxEvent {
  pixelConfigId: string;
  eventName: string;
  eventId: string;
  sourceId: string;
  payload: ServerEvent;
}

/** The platform delivery (webhook) that produced events; its id makes redelivery a no-op. */
export interface DeliveryReceipt {
  storeId: string;
  source: string;
  deliveryId: string;
  topic: string;
}

export interface RecordResult {
  /** True when this delivery id was seen before: nothing was written. */
  duplicateDelivery: boolean;
  /** Rows inserted. */
  inserted: number;
  /** Events whose (pixel, event_name, event_id) already existed and were left as they were. */
  duplicateEvents: number;
  /** Events whose stored row was still open and was merged with them (and re-judged): see `stitchTwin`. */
  stitched: number;
}

export interface ClaimedEvent {
  id: string;
  eventName: string;
  eventId: string;
  /** The payload's event_time. */
  eventTime: Date;
  /** The payload as stored, JSON text of a ServerEvent: the worker sends it as it is. */
  payloadJson: string;
  /** The same payload parsed, on first read (see `claimedEvent`); the delivery path never reads it. */
  readonly payload: ServerEvent;
  /** Attempts made before this claim. */
  attempts: number;
}

/**
 * A claim's hold on its rows; every batch of one `claimDue` call shares it. Outcomes and renewals
 * present the token, so a worker whose lease ran out cannot overwrite what its successor did.
 */
export interface Lease {
  /** Names this claim, not just the worker: a worker claiming twice holds two leases. */
  token: string;
  /** From this moment another claim may take the rows, unless the lease is renewed first. */
  expiresAt: Date;
}

export interface ClaimedBatch {
  pixelConfigId: string;
  lease: Lease;
  events: ClaimedEvent[];
}

export interface AttemptRecord {
  outboxEventId: string;
  attemptedAt: Date;
  outcome: 'sent' | 'retry' | 'configuration' | 'rejected' | 'expired';
  httpStatus?: number;
  code?: number;
  subcode?: number;
  fbtraceId?: string;
  latencyMs?: number;
  /** Merchant-readable; never contains PII or the token. */
  message?: string;
}

/** An attempt as an outcome carries it: the event it belongs to is the outcome's. */
export type OutcomeAttempt = Omit<AttemptRecord, 'outboxEventId'>;

/**
 * What a round decided for one claimed event, as `recordOutcomes` writes it. The kinds are the mark
 * operations': `failed` with reason `too_old` ends the row as `expired` after an attempt, `expired`
 * ends it before any attempt, and `released` hands it back untouched, due at once.
 */
export type EventOutcome =
  | { id: string; kind: 'sent'; attempt: OutcomeAttempt }
  | { id: string; kind: 'retry'; nextAttemptAt: Date; attempt: OutcomeAttempt }
  | { id: string; kind: 'failed'; reason: NotSentReason; detail: string; attempt: OutcomeAttempt }
  | { id: string; kind: 'expired'; detail: string }
  | { id: string; kind: 'released' };

/**
 * The last known state of a platform cart: its lines (to find what a `carts/update` added) and what
 * the visitor's browser told us (fbp, fbc, IP, user agent) for the checkout and order that follow.
 */
export interface CartSnapshot {
  storeId: string;
  cartToken: string;
  /** Set once the cart became a checkout, so the checkout and its order can find this context. */
  checkoutToken?: string;
  customerRef?: string;
  lines: CartLine[];
  browser?: BrowserContext;
  /** The platform's own update time: an older snapshot never overwrites a newer one. */
  updatedAt: Date;
  /**
   * Read-only, set by the store on the snapshots it returns: how many times `record()` wrote this
   * cart's lines (0 while only the storefront pixel has reported). Pass it back as
   * `RecordOptions.cartStateBasedOn`; `record()` ignores a version inside `cartState`.
   */
  version?: number;
}

export interface RecordOptions {
  /**
   * Written in the same transaction as the events, so a crash cannot leave events without the
   * snapshot they were computed from (or the reverse). A snapshot without `browser` keeps the stored
   * browser context.
   */
  cartState?: CartSnapshot;
  /**
   * Compare-and-swap for `cartState`: the version of the stored snapshot the new one (and its events)
   * was computed from, or null when no snapshot was stored. The snapshot is written only while the
   * stored version still equals it, and that check replaces the updatedAt rule (the caller compared
   * times against that very version). Otherwise another writer got there first: `record()` throws
   * `CartSnapshotConflictError` and writes nothing at all, neither receipt nor events nor snapshot.
   * A known delivery id still wins: it writes nothing and does not throw.
   */
  cartStateBasedOn?: number | null;
}

export interface OutboxStore {
  /**
   * Writes the receipt and its events (and optionally a cart snapshot) in one transaction. A known
   * delivery id writes nothing; an event whose (pixelConfigId, eventName, eventId) exists is not
   * inserted twice: when the stored row is still open (queued and unclaimed, or kept for one of
   * OPEN_SKIP_REASONS), the store applies `stitchTwin` to it under the row's lock, else leaves it.
   */
  record(receipt: DeliveryReceipt | null, events: NewOutboxEvent[], options?: RecordOptions): Promise<RecordResult>;
  /** The store's rows from these sources (order ids, checkout or cart tokens) still open to a twin. */
  findOpenEvents(storeId: string, sourceIds: string[]): Promise<OpenOutboxEvent[]>;
  /**
   * Leases due `queued` rows (nextAttemptAt <= now) and `sending` rows whose lease expired, grouped by
   * pixel, skipping pixels whose circuit is open. Safe under concurrent workers. Each call is a new
   * claim with its own lease token.
   */
  claimDue(opts: {
    workerId: string;
    now: Date;
    /** Most rows claimed in this call, across all pixels. */
    limit: number;
    leaseMs: number;
  }): Promise<ClaimedBatch[]>;
  /**
   * Moves the lease on `ids` to expire at now + leaseMs and returns that time, when every one of them
   * is still `sending` under `leaseToken` (a lease that ran out still holds until another claim takes
   * the rows). Otherwise changes nothing and returns null: the rows, or some of them, belong to
   * another claim or are finished, and the caller must not send them.
   */
  renewLease(leaseToken: string, ids: string[], opts: { now: Date; leaseMs: number }): Promise<Date | null>;
  /**
   * A round's outcomes for one claim's rows, each with its own values (a thousand expired events
   * carry a thousand details), written in one transaction of multi-row statements however many rows:
   * every outcome with an attempt counts it on its row and appends one attempt row. Outcomes apply
   * only to rows still `sending` under `leaseToken`; the others are left unchanged and the store logs
   * them. An id listed twice takes its first outcome only. Every applied outcome clears the lease and
   * sets the row's update time (what retention prunes finished rows by).
   */
  recordOutcomes(leaseToken: string, outcomes: readonly EventOutcome[]): Promise<void>;
  /**
   * The mark operations below are `recordOutcomes` with one kind for all `ids` (see `outcomeMarks`).
   * The outcome of one attempt, shared by a claim's rows (those one Graph answer covered), written in
   * one transaction however many rows: each call counts the attempt on every row and appends an
   * attempt row for each. Outcomes apply only to rows still `sending` under `leaseToken`: rows another
   * claim took after the lease ran out, or that were finished already, are left unchanged and the
   * store logs them.
   */
  markSent(leaseToken: string, ids: string[], attempt: Omit<AttemptRecord, 'outboxEventId'>): Promise<void>;
  markRetry(leaseToken: string, ids: string[], nextAttemptAt: Date, attempt: Omit<AttemptRecord, 'outboxEventId'>): Promise<void>;
  markFailed(leaseToken: string, ids: string[], reason: NotSentReason, detail: string, attempt: Omit<AttemptRecord, 'outboxEventId'>): Promise<void>;
  /** Too old to send (reason `too_old`), decided before any attempt; same lease rule. */
  markExpired(leaseToken: string, ids: string[], detail: string): Promise<void>;
  /**
   * Hands claimed rows back untouched, due at once (the pixel's target could not be resolved, or the
   * lease was lost mid-delivery and these rows are the part still held); same lease rule.
   */
  release(leaseToken: string, ids: string[]): Promise<void>;
}

/** One outbox row as the merchant's event log shows it: ids, states and counts, never payload values. */
export interface OutboxEventSummary {
  id: string;
  storeId: string;
  pixelConfigId: string | null;
  eventName: string;
  eventId: string;
  sourceId: string;
  status: OutboxStatus;
  reason: NotSentReason | null;
  reasonDetail: string | null;
  attempts: number;
  /** From the most recent delivery attempt, for support requests to Meta. */
  lastFbtraceId: string | null;
  lastAttemptAt: Date | null;
  /** The most recent attempt's merchant-readable message (Meta's error title, a timeout, ...). */
  lastMessage: string | null;
  userDataKeys: string[];
  /** Customer data left out of the payload, by key, with the rule it failed (never the value). */
  droppedUserData: DroppedField[];
  eventTime: Date;
  createdAt: Date;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
}

/** The most rows one `listEvents` call returns. */
export const MAX_LIST_EVENTS_LIMIT = 500;

export interface ListEventsQuery {
  storeId: string;
  /** 1 to MAX_LIST_EVENTS_LIMIT. */
  limit: number;
  status?: OutboxStatus;
  eventName?: string;
  /** Keyset pagination: pass the last row of the previous page. */
  before?: { createdAt: Date; id: string };
}

/** Read side for the admin event log. Newest first (createdAt, then id, descending). */
export interface OutboxEventLog {
  listEvents(query: ListEventsQuery): Promise<OutboxEventSummary[]>;
  /** Row counts per status for a store, for the admin dashboard. */
  countByStatus(storeId: string): Promise<Record<OutboxStatus, number>>;
  /** The admin match-quality card's figures over the store's rows created at or after `since`. */
  matchQuality(storeId: string, since: Date): Promise<MatchQualityCounts>;
}

export interface DroppedTally extends DroppedField {
  events: number;
}

/** Counted from stored key names and statuses only: no payload is read. */
export interface MatchQualityCounts {
  counts: Record<OutboxStatus, number>;
  /** For each user_data key name, how many `sent` rows carried it. */
  keyCounts: Record<string, number>;
  /** Over `sent` rows: each key left out for a reason, and on how many rows; most frequent first. */
  dropped: DroppedTally[];
  /** Rows kept as skipped/needs_browser_context: checkouts and carts the storefront pixel has not reported. */
  waitingForBrowser: number;
}

/** What a customer redaction covers: the customer's own rows and the listed orders (guest orders). */
export interface CustomerDataSelector {
  customerRef?: string;
  /** Platform object ids the events came from (Shopify's `orders_to_redact`). */
  sourceIds?: string[];
}

export interface CustomerDeletion {
  events: number;
  carts: number;
}

/** One stored event as a data request hands it to the merchant: everything the row holds. */
export interface ExportedEvent {
  eventName: string;
  eventId: string;
  sourceId: string;
  cartToken: string | null;
  checkoutToken: string | null;
  status: OutboxStatus;
  reason: string | null;
  reasonDetail: string | null;
  eventTime: Date;
  createdAt: Date;
  sentAt: Date | null;
  /** The event as Meta receives it: hashed keys, IP, user agent, browser ids, products. */
  payload: ServerEvent;
  /** True when the event was planned with no consent signal from the storefront (the shop's default applied). */
  withoutConsentSignal: boolean;
  attempts: Omit<AttemptRecord, 'outboxEventId'>[];
}

export interface ExportedCart {
  cartToken: string;
  checkoutToken: string | null;
  lines: CartLine[];
  browser: BrowserContext | null;
  updatedAt: Date;
}

/** Everything a store holds for a privacy request's customer and orders (the rows a redaction would delete). */
export interface CustomerDataExport {
  events: ExportedEvent[];
  carts: ExportedCart[];
}

export interface PruneResult {
  events: number;
  receipts: number;
  carts: number;
}

/** Statuses an outbox row does not leave by itself: what retention may delete. */
export const FINISHED_STATUSES = ['sent', 'failed', 'skipped', 'expired'] as const satisfies readonly OutboxStatus[];

export interface PruneOptions {
  /** Rows deleted per transaction, so a large backlog never holds the outbox's lock for long. */
  batchSize?: number;
}

/** Retention, and the privacy requests' export and deletion. */
export interface OutboxRetention {
  /**
   * Deletes finished rows (and their attempts) whose last change is before `olderThan`: `sent` rows
   * by when they were sent, `failed`, `skipped` and `expired` rows by when they reached that status.
   * Also delivery receipts received and cart snapshots last written before it. Works in batches of
   * `batchSize`, each its own transaction. Keep `olderThan` at least 48 hours back: pruned keys no
   * longer deduplicate redeliveries.
   */
  pruneOlderThan(olderThan: Date, options?: PruneOptions): Promise<PruneResult>;
  /**
   * A privacy request's deletion, in the store only: the matching outbox rows (the customer's, and
   * those of the listed orders), then every cart and checkout those rows and the customer's cart
   * snapshots name, with all their rows and snapshots (a guest's too). Attempts go with their rows.
   * Any number of source ids. An empty selector deletes nothing.
   */
  deleteCustomerData(storeId: string, selector: CustomerDataSelector): Promise<CustomerDeletion>;
  /** What `deleteCustomerData` with the same selector would delete, read in full, oldest first. */
  exportCustomerData(storeId: string, selector: CustomerDataSelector): Promise<CustomerDataExport>;
}

/** Cart snapshots outside `record()`: reading them, and the storefront pixel's browser context. */
export interface CartStateStore {
  /** The cart's snapshot with its `version`. */
  get(storeId: string, cartToken: string): Promise<CartSnapshot | null>;
  /**
   * The snapshot an order or checkout came from: the cart's own when `cartToken` has one, else the
   * newest that led to `checkoutToken`. One call, so the store can answer both in one query.
   */
  findByTokens(storeId: string, tokens: { cartToken?: string; checkoutToken?: string }): Promise<CartSnapshot | null>;
  /**
   * Merges what the storefront pixel saw into the cart's browser context (present keys win), creating
   * an empty snapshot (version 0) when the pixel is first. Leaves lines, updatedAt and version untouched.
   * `customerRef` (the logged-in shopper the pixel saw) fills in a snapshot that has none, so the
   * customer's redaction deletes it.
   */
  saveBrowserContext(
    storeId: string,
    tokens: { cartToken: string; checkoutToken?: string },
    browser: BrowserContext,
    customerRef?: string,
  ): Promise<void>;
}
