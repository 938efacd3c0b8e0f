/**
 * GET /api/events?limit=&status=&before=: the shop's event log, newest first. Each row says what
 * happened to one event and why, with the user_data keys it carried but never their values.
 * `before` is the `cursor` of the last row of the previous page.
 */
import type { FastifyInstance } from 'fastify';
import { OUTBOX_STATUSES, type ListEventsQuery, type OutboxEventSummary, type OutboxStatus } from '@capi-relay/core';

import type { AppServices } from '../server/app-services';
import { shopOf } from './shop-context';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

type Query = Partial<Record<'limit' | 'status' | 'before', string>>;

export async function eventsRoute(app: FastifyInstance, services: AppServices): Promise<void> {
  app.get<{ Querystring: Query }>('/api/events', async (request, reply) => {
    const parsed = parseQuery(request.query);
    if ('errors' in parsed) return reply.code(400).send({ error: 'Invalid event log query.', errors: parsed.errors });
    const rows = await services.db.outbox.listEvents({ storeId: shopOf(request).store.id, ...parsed });
    return { events: rows.map(toLogEntry) };
  });
}

function parseQuery(query: Query): Omit<ListEventsQuery, 'storeId'> | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) errors.limit = `limit must be a whole number from 1 to ${MAX_LIMIT}.`;
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

function toLogEntry(row: OutboxEventSummary) {
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

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}
