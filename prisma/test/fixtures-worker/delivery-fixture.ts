/**
 * What every worker integration test starts from: an engine pointed at a Graph sandbox, a store with
 * one configured pixel in a real database, and orders to turn into queued Purchase events.
 */
import {
  buildPurchase,
  createEngine,
  type Engine,
  type EngineStores,
  generateSecretBoxKey,
  type GraphSandbox,
  type Order,
  type OutboxStatus,
} from '@capi-relay/core';
import type { Database } from '../../src';

export const PIXEL_ID = '123456789012345';
export const TOKEN = `EAAB${'a'.repeat(60)}`;
export const NEW_TOKEN = `EAAB${'b'.repeat(60)}`;

export interface DeliveryFixture {
  engine: Engine;
  encryptionKey: string;
  stores: EngineStores;
  storeId: string;
  pixelConfigId: string;
}

let shops = 0;

export async function createDeliveryFixture(db: Database, sandbox: GraphSandbox, graphTimeoutMs = 2_000): Promise<DeliveryFixture> {
  const encryptionKey = generateSecretBoxKey();
  const engine = createEngine({ encryptionKey, graph: { graphUrl: sandbox.url, timeoutMs: graphTimeoutMs } });
  const stores = { outbox: db.outbox, pixels: db.pixels };
  shops += 1;
  const store = await db.stores.ensureStore('shopify', `worker-test-${process.pid}-${shops}.myshopify.com`);
  const saved = await engine.settings(db.pixels).updateSettings(store.id, { pixelId: PIXEL_ID, accessToken: TOKEN });
  if (!saved.ok) throw new Error(`pixel settings refused: ${JSON.stringify(saved.errors)}`);
  const [pixel] = await db.pixels.listByStore(store.id);
  if (!pixel) throw new Error('the pixel configuration was not saved');
  return { engine, encryptionKey, stores, storeId: store.id, pixelConfigId: pixel.id };
}

export function order(id: string, createdAt = new Date(Date.now() - 60_000)): Order {
  return {
    id,
    createdAt,
    total: { amount: '19.90', currency: 'EUR' },
    email: `buyer-${id}@example.com`,
    lineItems: [{ productId: '42', quantity: 1, unitPrice: { amount: '19.90', currency: 'EUR' } }],
    channel: 'online',
    browser: { userAgent: 'Mozilla/5.0', ipAddress: '203.0.113.9', pageUrl: 'https://shop.example.com/thank-you' },
  };
}

/** Queues a Purchase per order id through the engine; returns their Meta event ids. */
export async function queueOrders(fixture: DeliveryFixture, orderIds: string[], chunk = 500): Promise<string[]> {
  const eventIds: string[] = [];
  for (let start = 0; start < orderIds.length; start += chunk) {
    const built = orderIds.slice(start, start + chunk).map((id) => buildPurchase(order(id)));
    const result = await fixture.engine.enqueue(fixture.stores, null, { storeId: fixture.storeId, built });
    if (result.inserted !== built.length) throw new Error(`expected ${built.length} rows, recorded ${result.inserted}`);
    eventIds.push(...built.map((event) => event.event.event_id));
  }
  return eventIds;
}

/** Every event id the sandbox accepted, once per time it was accepted. */
export function receivedEventIds(sandbox: GraphSandbox): string[] {
  return sandbox.received.flatMap((request) => request.events.map((event) => String(event.event_id)));
}

export async function countStatuses(db: Database, storeId: string): Promise<Record<OutboxStatus, number>> {
  return db.outbox.countByStatus(storeId);
}

/** Polls until `done` holds; fails with `what` after `limitMs` (a hang guard, not a timing assertion). */
export async function waitUntil(what: string, done: () => Promise<boolean> | boolean, limitMs = 60_000, everyMs = 50): Promise<void> {
  const giveUpAt = Date.now() + limitMs;
  while (!(await done())) {
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
