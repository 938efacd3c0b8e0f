/**
 * GET /admin/capi-relay/events?limit=&status=: the store's event log, newest first. Each row says what
 * happened to one event and why, with the user_data keys it carried but never their values.
 */
import { MAX_LIST_EVENTS_LIMIT, OUTBOX_STATUSES, type OutboxEventSummary, type OutboxStatus } from '@capi-relay/core';
import type { AuthenticatedMedusaRequest, MedusaResponse } from '@medusajs/framework/http';

import { resolveRuntime } from '../../../../runtime/resolve-runtime';

const DEFAULT_LIMIT = 50;

function toLogEntry(row: OutboxEventSummary) {
  return {
    id: row.id,
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
    eventTime: row.eventTime.toISOString(),
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  const runtime = resolveRuntime(req.scope);
  const { limit: rawLimit, status } = req.query as Record<string, string | undefined>;
  const limit = rawLimit === undefined ? DEFAULT_LIMIT : Number(rawLimit);
  const errors: Record<string, string> = {};
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_EVENTS_LIMIT) errors.limit = `limit must be a whole number from 1 to ${MAX_LIST_EVENTS_LIMIT}.`;
  if (status !== undefined && !(OUTBOX_STATUSES as readonly string[]).includes(status)) errors.status = `status must be one of ${OUTBOX_STATUSES.join(', ')}.`;
  if (Object.keys(errors).length > 0) {
    res.status(400).json({ message: 'Invalid event log query.', errors });
    return;
  }
  const rows = await runtime.db.outbox.listEvents({ storeId: runtime.store.id, limit, ...(status === undefined ? {} : { status: status as OutboxStatus }) });
  res.json({ events: rows.map(toLogEntry) });
}
