/**
 * POST /admin/capi-relay/test-event: core's test event (a PageView on the storefront, from the
 * admin's own browser) to the saved pixel with the saved test event code; answers what Meta said.
 */
import { sendTestEvent } from '@capi-relay/core';
import type { AuthenticatedMedusaRequest, MedusaResponse } from '@medusajs/framework/http';

import { resolveRuntime } from '../../../../runtime/resolve-runtime';

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  const { db, engine, settingsService, store, settings } = resolveRuntime(req.scope);
  const result = await sendTestEvent(
    { pixels: db.pixels, settings: settingsService, graph: engine.graph },
    { storeId: store.id, storeRef: settings.storeDomain, userAgent: req.headers['user-agent'], pageUrl: `${settings.storefrontUrl}/`, now: new Date() },
  );
  if (result.ok) {
    res.json({ eventsReceived: result.eventsReceived, fbtraceId: result.fbtraceId, eventId: result.eventId });
    return;
  }
  if (result.refused === 'settings') res.status(400).json({ message: result.error });
  else res.status(result.status).json({ message: result.error, code: result.code, fbtraceId: result.fbtraceId });
}
