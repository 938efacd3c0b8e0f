import { validateEvent } from '../../validate';
import { validationVerdict } from '../plan/delivery-verdict';
import { withoutLimitedDataUse } from '../plan/limited-data-use';
import { distinctDropped, userDataKeysOf } from '../plan/plan-outbox-events';
import { type NewOutboxEvent, type NotSentReason, OPEN_SKIP_REASONS, type OutboxStatus, type StoredTwin, type TwinHalf } from '../port';
import { mergeServerEvents } from './merge-server-events';

/** What a stitched row becomes; the store writes these columns. */
export interface StitchedRow {
  payload: NewOutboxEvent['payload'];
  status: 'queued' | 'skipped' | 'expired';
  reason: NotSentReason | null;
  reasonDetail: string | null;
  userDataKeys: string[];
  /** What either half left out, less the keys the merged payload now carries. */
  droppedUserData: StoredTwin['droppedUserData'];
  customerRef: string | null;
  cartToken: string | null;
  checkoutToken: string | null;
  awaitingTwin: TwinHalf | null;
  nextAttemptAt: Date | null;
  /** Still true only while neither half carried a consent signal. */
  withoutConsentSignal: boolean;
}

/**
 * Reasons that come from the event's origin or the merchant, not from Meta's rules: a twin carrying
 * one of them (the shopper refused tracking, the order is a test, the event is switched off) decides
 * for the row, whatever the merged payload would allow.
 */
const DECIDING_REASONS: ReadonlySet<NotSentReason> = new Set(['disabled', 'no_pixel', 'no_consent', 'test_order', 'order_cancelled', 'store_uninstalled']);

/** A row that has not been sent and is not being sent, and that a twin can still change. */
export function isOpenToTwin(row: { status: OutboxStatus; reason: NotSentReason | null }): boolean {
  return row.status === 'queued' || (row.status === 'skipped' && (OPEN_SKIP_REASONS as readonly (NotSentReason | null)[]).includes(row.reason));
}

/**
 * Whether the incoming half's refusal decides for the row. A half without a consent signal that the
 * policy keeps (`no_consent_signal`) decides only against a row that had no signal either: a signal
 * either half carried is the shopper's answer, and its absence in the other half says nothing.
 */
function decides(existing: StoredTwin, incoming: NewOutboxEvent): boolean {
  if (incoming.status === 'queued' || incoming.reason === undefined) return false;
  if (incoming.reason === 'no_consent_signal') return existing.withoutConsentSignal;
  return DECIDING_REASONS.has(incoming.reason);
}

/**
 * The two payloads to merge. The Limited Data Use flag of a half planned without a consent signal
 * (where the policy's `limited_data_use` may have set it) gives way to the half planned with one:
 * that half's planner applied the pixel's own setting and the shopper's answer, flagging the event
 * if they opted out of the sale of their data. Between two halves alike the merge keeps the flag
 * either carries, so an opt-out is never lost.
 */
function halvesToMerge(existing: StoredTwin, incoming: NewOutboxEvent): [NewOutboxEvent['payload'], NewOutboxEvent['payload']] {
  const incomingWithout = incoming.withoutConsentSignal === true;
  if (existing.withoutConsentSignal && !incomingWithout) return [withoutLimitedDataUse(existing.payload), incoming.payload];
  if (!existing.withoutConsentSignal && incomingWithout) return [existing.payload, withoutLimitedDataUse(incoming.payload)];
  return [existing.payload, incoming.payload];
}

/**
 * One event per (pixel, event_name, event_id), whatever path each half arrives by. When `incoming`
 * meets a stored row of the same key, the row takes what it lacked from the incoming half and is
 * judged again: a row kept as needs_browser_context becomes queued once the browser context makes it
 * sendable (or expired past Meta's window), a row kept as no_consent_signal once a twin brings a
 * signal that allows it (once: the key holds one row, and a sent row is never reopened), a row
 * waiting for its twin is due at once when the twin arrives, and a twin that refuses (no consent,
 * test order, switched off) keeps the row from being sent. Rows already claimed, sent or finished are never touched: null, as when nothing would change.
 */
export function stitchTwin(existing: StoredTwin, incoming: NewOutboxEvent, now: Date): StitchedRow | null {
  if (!isOpenToTwin(existing)) return null;
  const payload = mergeServerEvents(...halvesToMerge(existing, incoming));
  // The row waited for one half; an incoming event that is not that same half again brings it.
  const awaitingTwin = existing.awaitingTwin !== null && incoming.awaitingTwin === existing.awaitingTwin ? existing.awaitingTwin : null;
  const deciding = decides(existing, incoming);
  const withoutConsentSignal = existing.withoutConsentSignal && incoming.withoutConsentSignal === true;
  // A redelivery that brings nothing new leaves the row alone (the worker judges its age when it claims it).
  if (!deciding && awaitingTwin === existing.awaitingTwin && withoutConsentSignal === existing.withoutConsentSignal && canonicalJson(payload) === canonicalJson(existing.payload)) return null;
  const verdict = deciding
    ? { status: incoming.status, reason: incoming.reason as NotSentReason, detail: incoming.reasonDetail ?? '' }
    : validationVerdict(validateEvent(payload, { now }));
  const queued = verdict.status === 'queued';
  const userDataKeys = userDataKeysOf(payload);
  const stitched: StitchedRow = {
    payload,
    status: verdict.status,
    reason: queued ? null : verdict.reason,
    reasonDetail: queued ? null : verdict.detail,
    userDataKeys,
    droppedUserData: distinctDropped([...existing.droppedUserData, ...incoming.droppedUserData]).filter(({ field }) => !userDataKeys.includes(field)),
    customerRef: existing.customerRef ?? incoming.customerRef ?? null,
    cartToken: existing.cartToken ?? incoming.cartToken ?? null,
    checkoutToken: existing.checkoutToken ?? incoming.checkoutToken ?? null,
    awaitingTwin,
    nextAttemptAt: queued ? dueAt(existing, incoming, awaitingTwin, payload.event_time) : null,
    withoutConsentSignal,
  };
  return unchanged(existing, stitched) ? null : stitched;
}

/** Complete: due at once (by its event time, like a new row). Still waiting: the wait it already had. */
function dueAt(existing: StoredTwin, incoming: NewOutboxEvent, awaitingTwin: TwinHalf | null, eventTime: number): Date {
  const atOnce = new Date(eventTime * 1000);
  if (awaitingTwin === null) return atOnce;
  if (existing.status === 'queued' && existing.nextAttemptAt) return existing.nextAttemptAt;
  return incoming.dueAt ?? atOnce;
}

function unchanged(existing: StoredTwin, stitched: StitchedRow): boolean {
  return (
    existing.status === stitched.status &&
    existing.reason === stitched.reason &&
    existing.awaitingTwin === stitched.awaitingTwin &&
    existing.withoutConsentSignal === stitched.withoutConsentSignal &&
    existing.customerRef === stitched.customerRef &&
    existing.cartToken === stitched.cartToken &&
    existing.checkoutToken === stitched.checkoutToken &&
    existing.nextAttemptAt?.getTime() === stitched.nextAttemptAt?.getTime() &&
    canonicalJson(existing.payload) === canonicalJson(stitched.payload)
  );
}

/** JSON with every object's keys sorted: equal for equal payloads, whatever order their keys were set in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
