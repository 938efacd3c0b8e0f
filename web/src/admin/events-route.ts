/**
 * GET /api/events?limit=&status=&before=: the shop's event log, newest first, in core's admin format
 * (shared with the Medusa plugin). Each row says what happened to one event and why, with the
 * user_data keys it carried but never their values. `before` is the `cursor` of the last row of the
 * previous page.
 */
import type { FastifyInstance } from 'fastify';
import { eventLogEntry, type EventLogQueryString, parseEventLogQuery } from '@capi-relay/core';

import type { AppServices } from '../server/app-services';
import { shopOf } from './shop-context';

export async function eventsRoute(app: FastifyInstance, services: AppServices): Promise<void> {
  app.get<{ Querystring: EventLogQueryString }>('/api/events', async (request, reply) => {
    const parsed = parseEventLogQuery(request.query);
    if ('errors' in parsed) return reply.code(400).send({ error: 'Invalid event log query.', errors: parsed.errors });
    const rows = await services.db.outbox.listEvents({ storeId: shopOf(request).store.id, ...parsed });
    return { events: rows.map(eventLogEntry) };
  });
}
