import type { DroppedField } from '../normalize';
import { OUTBOX_STATUSES, type DroppedTally, type OutboxEventSummary, type OutboxStatus } from './port';

/** The summary fields a store keeps on the event's own row; the rest come from its latest attempt. */
export type EventSummaryColumns = Omit<OutboxEventSummary, 'lastFbtraceId' | 'lastAttemptAt' | 'lastMessage'>;

/** What the event log needs of the most recent delivery attempt. */
export interface LatestAttempt {
  attemptedAt: Date;
  fbtraceId?: string | null;
  message?: string | null;
}

/**
 * One event as the log shows it, whatever the store: the row's summary columns, picked one by one so
 * nothing else on the row (the payload above all) comes along, and the latest attempt, if any.
 */
export function summarizeEvent(row: EventSummaryColumns, last: LatestAttempt | undefined): OutboxEventSummary {
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
    droppedUserData: row.droppedUserData.map((dropped) => ({ ...dropped })),
    eventTime: row.eventTime,
    createdAt: row.createdAt,
    nextAttemptAt: row.nextAttemptAt,
    sentAt: row.sentAt,
  };
}

/** Every status at zero, so a count always names all six. */
export function zeroStatusCounts(): Record<OutboxStatus, number> {
  return Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, 0])) as Record<OutboxStatus, number>;
}

/** How many of the given rows' key lists name each key (a key listed twice on one row counts once). */
export function tallyKeys(keyLists: Iterable<readonly string[]>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const keys of keyLists) for (const key of new Set(keys)) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/** How many rows left out each key for each reason (once per row), most frequent first. */
export function tallyDropped(droppedLists: Iterable<readonly DroppedField[]>): DroppedTally[] {
  const tallies = new Map<string, DroppedTally>();
  for (const dropped of droppedLists) {
    for (const { field, reason } of dropped) {
      const key = JSON.stringify([field, reason]);
      const tally = tallies.get(key) ?? { field, reason, events: 0 };
      tally.events += 1;
      tallies.set(key, tally);
    }
  }
  return [...tallies.values()].sort((a, b) => b.events - a.events || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}
