/**
 * The admin event log over HTTP, platform-neutral: the query string every admin API accepts
 * (`limit`, `status`, `before` = the `cursor` of the previous page's last row) and the JSON row it
 * answers with. Ids, states, reasons and user_data key names; never payload values.
 */
import { type ListEventsQuery, MAX_LIST_EVENTS_LIMIT, OUTBOX_STATUSES, type OutboxEventSummary, type OutboxStatus } from './port';

export const DEFAULT_EVENT_LOG_LIMIT = 50;

export type EventLogQueryString = Partial<Record<'limit' | 'status' | 'before', string>>;

export function parseEventLogQuery(query: EventLogQueryString): Omit<ListEventsQuery, 'storeId'> | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const limit = query.limit === undefined ? DEFAULT_EVENT_LOG_LIMIT : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_EVENTS_LIMIT) errors.limit = `limit must be a whole number from 1 to ${MAX_LIST_EVENTS_LIMIT}.`;
  const status = query.status;
  if (status !== undefined && !(OUTBOX_STATUSES as readonly string[]).includes(status)) {
    errors.status = `status must be one of ${OUTBOX_STATUSES.join(', ')}.`;
  }
  const before = query.before === undefined ? undefined : parseCursor(query.before);
  if (before === null) errors.before = 'before must be the cursor of an event from the previous page.';
  if (Object.keys(errors).length > 0) return { errors };
  return { limit, ...(status === undefined ? {} : { status: status as OutboxStatus }), ...(before ? { before } : {}) };
}

function parseCursor(cursor: string): { createdAt: Date; id: string } | null {
  const separator = cursor.indexOf('_');
  const createdAt = new Date(cursor.slice(0, separator));
  const id = cursor.slice(separator + 1);
  return separator > 0 && id !== '' && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function eventLogEntry(row: OutboxEventSummary) {
  return {
    id: row.id,
    cursor: `${row.createdAt.toISOString()}_${row.id}`,
    eventName: row.eventName,
    eventId: row.eventId,
    sourceId: row.sourceId,
    status: row.status,
    reason: row.reason,
    reasonDetail: row.reasonDetail,
    attempts: row.attempts,
    fbtraceId: row.lastFbtraceId,
    lastMessage: row.lastMessage,
    userDataKeys: row.userDataKeys,
    droppedUserData: row.droppedUserData,
    eventTime: row.eventTime.toISOString(),
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: iso(row.nextAttemptAt),
    sentAt: iso(row.sentAt),
  };
}

export type EventLogEntry = ReturnType<typeof eventLogEntry>;
