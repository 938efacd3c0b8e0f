/**
 * An order without a cart was converted from an admin draft order: recorded as skipped with the
 * reason by default, queued like any order with `draftOrders: "send"`. The plugin's runtime on a real
 * database; Medusa's part (order.placed -> query.graph) is the checkout suite's.
 */
import { silentLogger } from '@capi-relay/core';

import { recordPurchase } from '../../../src/events/record-purchase';
import type { MedusaOrder } from '../../../src/mappers/medusa-types';
import { parsePluginOptions } from '../../../src/runtime/plugin-options';
import { openPluginRuntime, type PluginRuntime } from '../../../src/runtime/plugin-runtime';
import { ACCESS_TOKEN, ENCRYPTION_KEY, PIXEL_ID } from '../support/graph-sandbox';
import { createPluginDatabase } from '../support/plugin-database';

const draftOrder = (id: string): MedusaOrder => ({
  id,
  created_at: new Date().toISOString(),
  email: 'jane.doe@example.com',
  currency_code: 'eur',
  total: 25,
  items: [{ id: 'ordli_1', variant_id: 'variant_1', unit_price: 25, quantity: 1 }],
  cart: null,
});

let database: { url: string; drop(): Promise<void> };
const runtimes: PluginRuntime[] = [];

async function runtimeWith(draftOrders: 'skip' | 'send'): Promise<PluginRuntime> {
  const settings = parsePluginOptions({ encryptionKey: ENCRYPTION_KEY, storefrontUrl: 'https://shop.example.com', databaseUrl: database.url, deliveryWorker: 'external', draftOrders }, undefined);
  const runtime = await openPluginRuntime(settings, silentLogger);
  runtimes.push(runtime);
  await runtime.settingsService.updateSettings(runtime.store.id, { pixelId: PIXEL_ID, accessToken: ACCESS_TOKEN });
  return runtime;
}

async function rowOf(runtime: PluginRuntime, orderId: string) {
  const rows = await runtime.db.outbox.listEvents({ storeId: runtime.store.id, limit: 10 });
  return rows.find((row) => row.sourceId === orderId);
}

beforeAll(async () => {
  database = await createPluginDatabase();
});

afterAll(async () => {
  for (const runtime of runtimes) await runtime.close();
  await database?.drop();
});

it('skips a draft-order conversion by default, saying why', async () => {
  const runtime = await runtimeWith('skip');
  await recordPurchase(runtime, draftOrder('order_draft_1'));
  expect(await rowOf(runtime, 'order_draft_1')).toMatchObject({ eventName: 'Purchase', status: 'skipped', reason: 'draft_order', reasonDetail: expect.stringMatching(/draft order/) });
});

it('queues it with draftOrders "send", as an event that happened on no website', async () => {
  const runtime = await runtimeWith('send');
  await recordPurchase(runtime, draftOrder('order_draft_2'));
  expect(await rowOf(runtime, 'order_draft_2')).toMatchObject({ eventName: 'Purchase', status: 'queued', reason: null });
  const [claimed] = await runtime.db.outbox.claimDue({ workerId: 'test', now: new Date(Date.now() + 60_000), limit: 10, leaseMs: 60_000 });
  expect(claimed?.events[0]?.payload).toMatchObject({ action_source: 'other', user_data: { em: [expect.stringMatching(/^[0-9a-f]{64}$/)] } });
  expect(claimed?.events[0]?.payload.event_source_url).toBeUndefined();
});
