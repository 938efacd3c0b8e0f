import {
  type ListEventsQuery,
  MAX_LIST_EVENTS_LIMIT,
  OUTBOX_STATUSES,
  type OutboxEventSummary,
  type OutboxStatus,
} from '../port';
import type { MemoryEventRow, MemoryOutboxState } from './memory-state';

/** Newest first: createdAt, then id, descending. */
function newestFirst(a: MemoryEventRow, b: MemoryEventRow): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function isBefore(row: MemoryEventRow, cursor: { createdAt: Date; id: string }): boolean {
  return row.createdAt < cursor.createdAt || (row.createdAt.getTime() === cursor.createdAt.getTime() && row.id < cursor.id);
}

function toSummary(state: MemoryOutboxState, row: MemoryEventRow): OutboxEventSummary {
  const last = state.lastAttempt(row.id);
  return {
    id: row.id,
    storeId: row.storeId,
    pixelConfigId: row.pixelConfigId,
    eventName: row.eventName,
    eventId: row.eventId,
    sourceId: row.sourceId,
    status: row.status,
    reason: row.reason,
    reasonDetail: row.reasonDetail,
    attempts: row.attempts,
    lastFbtraceId: last?.fbtraceId ?? null,
    lastAttemptAt: last?.attemptedAt ?? null,
    lastMessage: last?.message ?? null,
    userDataKeys: [...row.userDataKeys],
    eventTime: row.eventTime,
    createdAt: row.createdAt,
    nextAttemptAt: row.nextAttemptAt,
    sentAt: row.sentAt,
  };
}

export function listEvents(state: MemoryOutboxState, query: ListEventsQuery): OutboxEventSummary[] {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_LIST_EVENTS_LIMIT) {
    throw new RangeError(`listEvents limit must be an integer from 1 to ${MAX_LIST_EVENTS_LIMIT}`);
  }
  const { storeId, status, eventName, before } = query;
  return [...state.events.values()]
    .filter(
      (row) =>
        row.storeId === storeId &&
        (status === undefined || row.status === status) &&
        (eventName === undefined || row.eventName === eventName) &&
        (before === undefined || isBefore(row, before)),
    )
    .sort(newestFirst)
    .slice(0, query.limit)
    .map((row) => toSummary(state, row));
}

export function countByStatus(state: MemoryOutboxState, storeId: string): Record<OutboxStatus, number> {
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, 0])) as Record<OutboxStatus, number>;
  for (const row of state.events.values()) if (row.storeId === storeId) counts[row.status] += 1;
  return counts;
}
