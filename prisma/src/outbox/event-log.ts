import {
  MAX_LIST_EVENTS_LIMIT,
  OUTBOX_STATUSES,
  type ListEventsQuery,
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

function toSummary(row: SummaryRow): OutboxEventSummary {
  const last = row.deliveries[0];
  return {
    id: row.id,
    storeId: row.storeId,
    pixelConfigId: row.pixelConfigId,
    eventName: row.eventName,
    eventId: row.eventId,
    sourceId: row.sourceId,
    status: row.status as OutboxStatus,
    reason: row.reason as NotSentReason | null,
    reasonDetail: row.reasonDetail,
    attempts: row.attempts,
    lastFbtraceId: last?.fbtraceId ?? null,
    lastAttemptAt: last?.attemptedAt ?? null,
    lastMessage: last?.message ?? null,
    userDataKeys: JSON.parse(row.userDataKeys) as string[],
    eventTime: row.eventTime,
    createdAt: row.createdAt,
    nextAttemptAt: row.nextAttemptAt,
    sentAt: row.sentAt,
  };
}

export async function listEvents(db: Db, query: ListEventsQuery): Promise<OutboxEventSummary[]> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_LIST_EVENTS_LIMIT) {
    throw new RangeError(`listEvents limit must be an integer from 1 to ${MAX_LIST_EVENTS_LIMIT}`);
  }
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
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, 0])) as Record<OutboxStatus, number>;
  for (const group of groups) counts[group.status as OutboxStatus] = group._count._all;
  return counts;
}
