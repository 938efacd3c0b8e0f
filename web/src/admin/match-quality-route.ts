/**
 * GET /api/match-quality: the last 24 hours of the shop's events, counted by status, and for the
 * sent ones how many carried each user_data key. Computed from the key names the outbox stores with
 * each row; no payload value is read or returned.
 */
import type { FastifyInstance } from 'fastify';

import type { AppServices } from '../server/app-services';
import { shopOf } from './shop-context';

const WINDOW_MS = 24 * 60 * 60 * 1000;

export async function matchQualityRoute(app: FastifyInstance, services: AppServices): Promise<void> {
  app.get('/api/match-quality', async (request) => {
    const until = services.now();
    const since = new Date(until.getTime() - WINDOW_MS);
    const quality = await services.db.outbox.matchQuality(shopOf(request).store.id, since);
    return { since: since.toISOString(), until: until.toISOString(), ...quality };
  });
}
