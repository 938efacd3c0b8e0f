import Fastify, { type FastifyInstance } from 'fastify';

import { pixelRoute, type PixelRouteOptions } from './pixel-route';
import { createRateLimiter } from './rate-limiter';

/** The route alone over a loopback socket, with stores and recording stubbed: what reaches them, and what is answered. */
async function serve(options: Partial<PixelRouteOptions> = {}): Promise<{ app: FastifyInstance; url: string; recorded: string[] }> {
  const recorded: string[] = [];
  const app = Fastify();
  await app.register(pixelRoute, {
    trustProxy: false,
    rateLimiter: createRateLimiter({ limit: 2, windowMs: 60_000 }),
    findStoreByKey: async (key) => (key === 'good' ? { id: 's1', platform: 'shopify', domain: 'a.myshopify.com', installedAt: new Date(0), uninstalledAt: null, country: null, updatedAt: new Date(0) } : null),
    record: async (_store, report) => {
      recorded.push(report.event);
      return { event: report.event, contextSaved: false, inserted: 0, stitched: 0, duplicateEvents: 0, refused: false };
    },
    now: () => new Date(),
    ...options,
  });
  const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/api/pixel`;
  return { app, url, recorded };
}

const report = JSON.stringify({ key: 'good', shop: 'a.myshopify.com', event: 'page_viewed', id: 'sh-1', timestamp: '2026-03-10T10:30:00Z' });

describe('POST /api/pixel', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => app?.close());

  it('answers 429 past the per-address limit, with the CORS header, and records nothing more', async () => {
    const served = await serve();
    app = served.app;
    const statuses: number[] = [];
    for (let n = 0; n < 3; n += 1) {
      const response = await fetch(served.url, { method: 'POST', body: report });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      statuses.push(response.status);
    }
    expect(statuses).toEqual([202, 202, 429]);
    expect(served.recorded).toEqual(['page_viewed', 'page_viewed']);
  });

  it('accepts a JSON content type too, and refuses a shop that is not the key\'s', async () => {
    const served = await serve();
    app = served.app;
    expect((await fetch(served.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: report })).status).toBe(202);
    expect((await fetch(served.url, { method: 'POST', body: report.replace('a.myshopify.com', 'b.myshopify.com') })).status).toBe(403);
    expect(served.recorded).toEqual(['page_viewed']);
  });
});
