/**
 * POST /api/test-event: sends core's test event (a PageView on the shop's storefront, from the
 * merchant's own browser) to the saved pixel with the saved test event code and answers with what
 * Meta said: `{ eventsReceived, fbtraceId }`, or the error in merchant words. Without a test event
 * code nothing is sent, since the event would count as a real one.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { buildTestEvent, ConfigurationGraphError, GraphError, validateEvent } from '@capi-relay/core';

import type { AppServices } from '../server/app-services';
import { shopOf } from './shop-context';

export async function testEventRoute(app: FastifyInstance, services: AppServices): Promise<void> {
  app.post('/api/test-event', async (request, reply) => {
    const { shop, store } = shopOf(request);
    const [pixel] = await services.db.pixels.listByStore(store.id);
    if (!pixel?.testEventCode) {
      return refuse(reply, 400, 'Enter the test event code from Events Manager (Test events tab) in settings first.');
    }
    const target = await services.settings.resolveTarget(pixel.id).catch((error: unknown) => {
      if (error instanceof ConfigurationGraphError) return error;
      throw error;
    });
    if (target instanceof ConfigurationGraphError) return refuse(reply, 400, target.merchantMessage);

    const now = services.now();
    const { event } = buildTestEvent({ storeRef: shop, userAgent: request.headers['user-agent'], pageUrl: `https://${shop}/`, now });
    const issues = validateEvent(event, { now });
    if (issues.length > 0) return refuse(reply, 400, issues.map((issue) => issue.message).join(' '));

    const report = await services.graph.sendEvents(target, [event]);
    const [result] = report.results;
    const lastRequest = report.requests.at(-1);
    if (result?.ok) {
      return { eventsReceived: lastRequest?.eventsReceived ?? null, fbtraceId: result.fbtraceId ?? lastRequest?.fbtraceId ?? null, eventId: event.event_id };
    }
    const error = result?.error;
    const status = error instanceof GraphError && error.kind === 'retry' ? 502 : 400;
    return reply.code(status).send({
      error: error?.merchantMessage ?? 'Meta did not answer the test event.',
      code: error?.code ?? null,
      fbtraceId: error?.fbtraceId ?? null,
    });
  });
}

function refuse(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).send({ error: message });
}
