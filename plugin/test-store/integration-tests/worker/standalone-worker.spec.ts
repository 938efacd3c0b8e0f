/**
 * `npm run worker`: the built worker entry point, as its own process, delivers what the plugin
 * queued while Medusa ran with `deliveryWorker: "external"`, and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { type GraphSandbox, silentLogger } from '@capi-relay/core';

import { recordPurchase } from '../../../src/events/record-purchase';
import type { MedusaOrder } from '../../../src/mappers/medusa-types';
import { parsePluginOptions } from '../../../src/runtime/plugin-options';
import { openPluginRuntime } from '../../../src/runtime/plugin-runtime';
import { ACCESS_TOKEN, ENCRYPTION_KEY, PIXEL_ID, startSandboxForMedusa, waitForEvents } from '../support/graph-sandbox';
import { createPluginDatabase } from '../support/plugin-database';

jest.setTimeout(60_000);

const WORKER = path.resolve(__dirname, '../../../.medusa/server/src/worker-main.js');

const order: MedusaOrder = {
  id: 'order_01WORKER',
  created_at: new Date().toISOString(),
  email: 'jane.doe@example.com',
  currency_code: 'eur',
  total: 25,
  items: [{ id: 'ordli_1', variant_id: 'variant_1', unit_price: 25, quantity: 1 }],
  cart: { id: 'cart_01WORKER' },
};

let sandbox: GraphSandbox;
let database: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  sandbox = await startSandboxForMedusa();
  database = await createPluginDatabase();
});

afterAll(async () => {
  await sandbox?.close();
  await database?.drop();
});

it('delivers queued events and exits cleanly on SIGTERM', async () => {
  const env = { CAPI_RELAY_ENCRYPTION_KEY: ENCRYPTION_KEY, CAPI_RELAY_STOREFRONT_URL: 'https://shop.example.com', CAPI_RELAY_DATABASE_URL: database.url, CAPI_RELAY_GRAPH_URL: sandbox.url };
  const settings = parsePluginOptions(
    { encryptionKey: ENCRYPTION_KEY, storefrontUrl: env.CAPI_RELAY_STOREFRONT_URL, databaseUrl: database.url, graphUrl: sandbox.url, deliveryWorker: 'external' },
    undefined,
  );
  const runtime = await openPluginRuntime(settings, silentLogger);
  await runtime.settingsService.updateSettings(runtime.store.id, { pixelId: PIXEL_ID, accessToken: ACCESS_TOKEN });
  await runtime.db.carts.saveBrowserContext(runtime.store.id, { cartToken: 'cart_01WORKER' }, { ipAddress: '203.0.113.7', userAgent: 'Mozilla/5.0' });
  expect(await recordPurchase(runtime, order)).toMatchObject({ inserted: 1 });
  await runtime.close();

  const worker = spawn(process.execPath, [WORKER], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => worker.on('exit', resolve));

  const [event] = await waitForEvents(sandbox, 1);
  expect(event).toMatchObject({ event_name: 'Purchase', event_id: 'purchase:order_01WORKER' });
  worker.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(output).toMatch(/worker stopped/);
});
