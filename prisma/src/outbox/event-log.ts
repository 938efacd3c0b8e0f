import {
  assertListLimit,
  summarizeEvent,
  tallyDropped,
  tallyKeys,
  zeroStatusCounts,
  type DroppedField,
  type ListEventsQuery,
  type MatchQualityCounts,
  type NotSentReason,
  type OutboxEventSummary,
  type OutboxStatus,
} from '@capi-relay/core';
import type { Db, Prisma } from '../client';

const SUMMARY_SELECT = {
  id: true,
  storeId: true,
  pixelConfigId: true,
  eventName: true,
  eventId: true,
  sourceId: true,
  status: true,
  reason: true,
  reasonDetail: true,
  attempts: true,
  userDataKeys: true,
  droppedUserData: true,
  eventTime: true,
  createdAt: true,
  nextAttemptAt: true,
  sentAt: true,
  deliveries: {
    orderBy: [{ attemptedAt: 'desc' }, { id: 'desc' }],
    take: 1,
    select: { fbtraceId: true, attemptedAt: true, message: true },
  },
} satisfies Prisma.OutboxEventSelect;

type SummaryRow = Prisma.OutboxEventGetPayload<{ select: typeof SUMMARY_SELECT }>;

/** The columns as the port types them: the schema keeps status and reason as text, the keys as JSON. */
function toSummary(row: SummaryRow): OutboxEventSummary {
  const columns = { ...row, status: row.status as OutboxStatus, reason: row.reason as NotSentReason | null, userDataKeys: JSON.parse(row.userDataKeys) as string[], droppedUserData: JSON.parse(row.droppedUserData) as DroppedField[] };
  return summarizeEvent(columns, row.deliveries[0]);
}

export async function listEvents(db: Db, query: ListEventsQuery): Promise<OutboxEventSummary[]> {
  assertListLimit(query.limit);
  const { before } = query;
  const rows = await db.client.outboxEvent.findMany({
    where: {
      storeId: query.storeId,
      ...(query.status && { status: query.status }),
      ...(query.eventName && { eventName: query.eventName }),
      ...(before && {
        OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }],
      }),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit,
    select: SUMMARY_SELECT,
  });
  return rows.map(toSummary);
}

export async function countByStatus(db: Db, storeId: string): Promise<Record<OutboxStatus, number>> {
  const groups = await db.client.outboxEvent.groupBy({ by: ['status'], where: { storeId }, _count: { _all: true } });
  return statusCounts(groups);
}

function statusCounts(groups: { status: string; _count: { _all: number } }[]): Record<OutboxStatus, number> {
  const counts = zeroStatusCounts();
  for (const group of groups) counts[group.status as OutboxStatus] = group._count._all;
  return counts;
}

/** Reads the `userDataKeys` column of the window's sent rows only: the payload column stays unread. */
export async function matchQuality(db: Db, storeId: string, since: Date): Promise<MatchQualityCounts> {
  const window = { storeId, createdAt: { gte: since } };
  const [groups, sent, waitingForBrowser] = await Promise.all([
    db.client.outboxEvent.groupBy({ by: ['status'], where: window, _count: { _all: true } }),
    db.client.outboxEvent.findMany({ where: { ...window, status: 'sent' }, select: { userDataKeys: true, droppedUserData: true } }),
    db.client.outboxEvent.count({ where: { ...window, status: 'skipped', reason: 'needs_browser_context' } }),
  ]);
  return {
    counts: statusCounts(groups),
    keyCounts: tallyKeys(sent.map((row) => JSON.parse(row.userDataKeys) as string[])),
    dropped: tallyDropped(sent.map((row) => JSON.parse(row.droppedUserData) as DroppedField[])),
    waitingForBrowser,
  };
}
