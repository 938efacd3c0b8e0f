/**
 * GET /admin/capi-relay/events?limit=&status=&before=: the store's event log, newest first, in core's
 * admin format: what happened to each event and why, the user_data keys it carried, never their values.
 */
import { eventLogEntry, type EventLogQueryString, parseEventLogQuery } from '@capi-relay/core';
import type { AuthenticatedMedusaRequest, MedusaResponse } from '@medusajs/framework/http';

import { resolveRuntime } from '../../../../runtime/resolve-runtime';

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  const runtime = resolveRuntime(req.scope);
  const query = parseEventLogQuery(req.query as EventLogQueryString);
  if ('errors' in query) {
    res.status(400).json({ message: 'Invalid event log query.', errors: query.errors });
    return;
  }
  const rows = await runtime.db.outbox.listEvents({ storeId: runtime.store.id, ...query });
  res.json({ events: rows.map(eventLogEntry) });
}
