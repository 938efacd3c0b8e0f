import { summarizeEvent } from '../event-summary';
import { type ListEventsQuery, OUTBOX_STATUSES, type OutboxEventSummary, type OutboxStatus } from '../port';
import { assertListLimit } from '../store-arguments';
import type { MemoryEventRow, MemoryOutboxState } from './memory-state';

/** Newest first: createdAt, then id, descending. */
function newestFirst(a: MemoryEventRow, b: MemoryEventRow): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function isBefore(row: MemoryEventRow, cursor: { createdAt: Date; id: string }): boolean {
  return row.createdAt < cursor.createdAt || (row.createdAt.getTime() === cursor.createdAt.getTime() && row.id < cursor.id);
}

export function listEvents(state: MemoryOutboxState, query: ListEventsQuery): OutboxEventSummary[] {
  assertListLimit(query.limit);
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
    .map((row) => summarizeEvent(row, state.lastAttempt(row.id)));
}

export function countByStatus(state: MemoryOutboxState, storeId: string): Record<OutboxStatus, number> {
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, 0])) as Record<OutboxStatus, number>;
  for (const row of state.events.values()) if (row.storeId === storeId) counts[row.status] += 1;
  return counts;
}
