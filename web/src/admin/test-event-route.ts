/**
 * POST /api/test-event: sends core's test event (a PageView on the shop's storefront, from the
 * merchant's own browser) to the saved pixel with the saved test event code and answers with what
 * Meta said: `{ eventsReceived, fbtraceId }`, or the error in merchant words. Without a test event
 * code nothing is sent, since the event would count as a real one (core's sendTestEvent).
 */
import type { FastifyInstance } from 'fastify';
import { sendTestEvent } from '@capi-relay/core';

import type { AppServices } from '../server/app-services';
import { shopOf } from './shop-context';

export async function testEventRoute(app: FastifyInstance, services: AppServices): Promise<void> {
  app.post('/api/test-event', async (request, reply) => {
    const { shop, store } = shopOf(request);
    const result = await sendTestEvent(
      { pixels: services.db.pixels, settings: services.settings, graph: services.graph },
      { storeId: store.id, storeRef: shop, userAgent: request.headers['user-agent'], pageUrl: `https://${shop}/`, now: services.now() },
    );
    if (result.ok) return { eventsReceived: result.eventsReceived, fbtraceId: result.fbtraceId, eventId: result.eventId };
    if (result.refused === 'settings') return reply.code(400).send({ error: result.error });
    return reply.code(result.status).send({ error: result.error, code: result.code, fbtraceId: result.fbtraceId });
  });
}
