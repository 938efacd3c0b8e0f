/**
 * The merchant's side of customers/data_request:
 *   GET /api/data-requests      the shop's exports that have not expired (what each covers, until when);
 *   GET /api/data-requests/:id  one export as a JSON download, recorded as downloaded.
 * The shop comes from the session token, so one shop can never list or read another's exports.
 */
import type { FastifyInstance } from 'fastify';
import type { DataExportSummary } from '@capi-relay/db';

import type { AppServices } from '../server/app-services';
import { DATA_EXPORT_KEEP_AFTER_DOWNLOAD_MS } from '../webhooks/compliance-topics';
import { shopOf } from './shop-context';

export async function dataRequestsRoutes(app: FastifyInstance, services: AppServices): Promise<void> {
  app.get('/api/data-requests', async (request) => {
    const exports = await services.db.dataExports.list(shopOf(request).store.id, services.now());
    return { dataRequests: exports.map(toListEntry) };
  });

  app.get<{ Params: { id: string } }>('/api/data-requests/:id', async (request, reply) => {
    const { shop, store } = shopOf(request);
    const found = await services.db.dataExports.download(store.id, request.params.id, services.now(), DATA_EXPORT_KEEP_AFTER_DOWNLOAD_MS);
    if (!found) return reply.code(404).send({ error: 'No such data request export for this shop (it may have expired).' });
    request.log.info({ exportId: found.summary.id }, 'data request export downloaded');
    const envelope = JSON.stringify({ shop, request: toListEntry(found.summary) });
    return reply
      .type('application/json; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="data-request-${found.summary.requestId ?? found.summary.id}.json"`)
      .header('Cache-Control', 'no-store')
      // The stored export is already JSON: spliced in rather than parsed and serialized again.
      .send(`${envelope.slice(0, -1)},"data":${found.json}}`);
  });
}

function toListEntry(summary: DataExportSummary) {
  return {
    id: summary.id,
    requestId: summary.requestId,
    customerId: summary.customerRef,
    orderIds: summary.orderIds,
    events: summary.eventCount,
    cartSnapshots: summary.cartCount,
    createdAt: summary.createdAt.toISOString(),
    expiresAt: summary.expiresAt.toISOString(),
    downloadedAt: summary.downloadedAt ? summary.downloadedAt.toISOString() : null,
  };
}
