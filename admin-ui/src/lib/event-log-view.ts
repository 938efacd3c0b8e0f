/** The event log's rows as the table shows them: a badge per status and the reason in words. */
import { EVENT_STATUSES, type EventLogEntry, type EventStatus } from './types';

export type BadgeTone = 'success' | 'info' | 'attention' | 'critical' | 'warning' | 'new';

export const STATUS_BADGES: Record<EventStatus, { label: string; tone: BadgeTone }> = {
  sent: { label: 'Sent', tone: 'success' },
  queued: { label: 'Queued', tone: 'info' },
  sending: { label: 'Sending', tone: 'info' },
  failed: { label: 'Failed', tone: 'critical' },
  skipped: { label: 'Skipped', tone: 'warning' },
  expired: { label: 'Expired', tone: 'attention' },
};

/** Words for each reason code, when the row carries no detail of its own. */
const REASON_WORDS: Record<string, string> = {
  disabled: 'This event is switched off in settings.',
  no_pixel: 'No pixel was set up when it happened.',
  no_consent: 'The customer did not consent to marketing tracking.',
  no_consent_signal: 'No consent signal came with it, and the consent setting keeps such events.',
  draft_order: 'Entered by staff as a draft order, not placed on the storefront.',
  invalid: 'Meta would refuse it as it is.',
  needs_browser_context: 'Waiting for the storefront pixel to report the browser details.',
  test_order: 'Test orders are not sent.',
  order_cancelled: 'The order was already cancelled.',
  store_uninstalled: 'The app was uninstalled when it happened.',
  too_old: 'Older than the 7 days Meta accepts.',
  rejected: 'Meta refused it.',
  retries_exhausted: 'Meta could not be reached after repeated tries.',
};

export interface EventRow {
  id: string;
  eventName: string;
  sourceId: string;
  badge: { label: string; tone: BadgeTone };
  reason: string;
  attempts: string;
  traceId: string;
  time: string;
}

export function eventRow(entry: EventLogEntry, formatTime: (iso: string) => string = defaultTime): EventRow {
  return {
    id: entry.id,
    eventName: entry.eventName,
    sourceId: entry.sourceId,
    badge: STATUS_BADGES[entry.status] ?? { label: entry.status, tone: 'new' },
    reason: reasonText(entry),
    attempts: String(entry.attempts),
    traceId: entry.fbtraceId ?? '—',
    time: formatTime(entry.createdAt),
  };
}

function reasonText(entry: EventLogEntry): string {
  const parts = [entry.reasonDetail ?? (entry.reason ? REASON_WORDS[entry.reason] ?? entry.reason : null)];
  if (entry.lastMessage && entry.status !== 'sent') parts.push(entry.lastMessage);
  const text = parts.filter((part): part is string => Boolean(part)).join(' ');
  return text === '' ? '—' : text;
}

function defaultTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/** The filter's choices: every status, plus "All". */
export const STATUS_FILTER_OPTIONS: { label: string; value: EventStatus | '' }[] = [
  { label: 'All statuses', value: '' },
  ...EVENT_STATUSES.map((status) => ({ label: STATUS_BADGES[status].label, value: status })),
];

/**
 * Paging over the API's `before` cursor: a stack of the cursors that opened each page, so
 * "Previous" goes back without the API needing an `after`.
 */
export interface Pager {
  /** Cursors that started the pages seen so far; the current page is the last. */
  starts: (string | undefined)[];
}

export const firstPage = (): Pager => ({ starts: [undefined] });
export const currentCursor = (pager: Pager): string | undefined => pager.starts.at(-1);
export const nextPage = (pager: Pager, lastRow: EventLogEntry): Pager => ({ starts: [...pager.starts, lastRow.cursor] });
export const previousPage = (pager: Pager): Pager => (pager.starts.length > 1 ? { starts: pager.starts.slice(0, -1) } : pager);
export const hasPrevious = (pager: Pager): boolean => pager.starts.length > 1;
