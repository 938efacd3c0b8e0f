import { summarizeEvent, tallyDropped, tallyKeys, zeroStatusCounts } from '../event-summary';
import type { ListEventsQuery, MatchQualityCounts, OutboxEventSummary, OutboxStatus } from '../port';
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
  const counts = zeroStatusCounts();
  for (const row of state.events.values()) if (row.storeId === storeId) counts[row.status] += 1;
  return counts;
}

export function matchQuality(state: MemoryOutboxState, storeId: string, since: Date): MatchQualityCounts {
  const rows = [...state.events.values()].filter((row) => row.storeId === storeId && row.createdAt >= since);
  const counts = zeroStatusCounts();
  for (const row of rows) counts[row.status] += 1;
  const sent = rows.filter((row) => row.status === 'sent');
  return {
    counts,
    keyCounts: tallyKeys(sent.map((row) => row.userDataKeys)),
    dropped: tallyDropped(sent.map((row) => row.droppedUserData)),
    waitingForBrowser: rows.filter((row) => row.status === 'skipped' && row.reason === 'needs_browser_context').length,
  };
}
