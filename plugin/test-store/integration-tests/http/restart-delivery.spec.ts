/**
 * Events still queued when the Medusa server stops are delivered, once each, by the server that
 * starts next. Real `medusa start` processes on one database, the plugin's tables in the store's
 * own database (its default, schema capi_relay). The first server runs without the in-process
 * worker (deliveryWorker "external", as when `npm run worker` is down), so everything it records
 * stays queued; the second runs the worker.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axios, { type AxiosInstance } from 'axios';
import type { GraphSandbox } from '@capi-relay/core';

import { ACCESS_TOKEN, PIXEL_ID, receivedEvents, startSandboxForMedusa, waitFor, waitForEvents } from '../support/graph-sandbox';
import { medusaCommand, type MedusaServer, startMedusa } from '../support/medusa-process';
import { createPluginDatabase } from '../support/plugin-database';
import type { SeededStore } from '../support/seed-store';
import { cartWithShirts, checkOut, SHOPPER, shopperHeaders } from '../support/shopper';

jest.setTimeout(600_000);

const PORT = 44010;

let sandbox: GraphSandbox;
let database: { url: string; drop(): Promise<void> };
let env: NodeJS.ProcessEnv;
let server: MedusaServer | undefined;

beforeAll(async () => {
  sandbox = await startSandboxForMedusa();
  database = await createPluginDatabase();
  // Another suite in this process may have pointed the plugin at a database of its own.
  delete process.env.CAPI_RELAY_DATABASE_URL;
  // "localhost": on any other host name Medusa asks PostgreSQL for SSL.
  env = { DATABASE_URL: database.url.replace('127.0.0.1', 'localhost') };
  await medusaCommand(['db:migrate'], env);
});

afterAll(async () => {
  await server?.stop();
  await sandbox?.close();
  await database?.drop();
});

async function seed(): Promise<SeededStore> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'capi-relay-seed-')), 'seed.json');
  await medusaCommand(['exec', './integration-tests/support/seed-exec.ts'], { ...env, CAPI_RELAY_SEED_OUT: out });
  return JSON.parse(fs.readFileSync(out, 'utf8')) as SeededStore;
}

type LogRow = { eventName: string; status: string; sourceId: string };

it('delivers the events a stopped server left queued once each after the restart', async () => {
  const store = await seed();
  const admin = { headers: { authorization: `Bearer ${store.adminToken}` } };

  server = await startMedusa(PORT, { ...env, CAPI_RELAY_DELIVERY_WORKER: 'external' });
  let api: AxiosInstance = axios.create({ baseURL: server.url });
  await api.post('/admin/capi-relay/settings', { pixelId: PIXEL_ID, accessToken: ACCESS_TOKEN }, admin);
  const cart = await cartWithShirts(api, store, 2);
  await api.post('/store/capi-relay/checkout', { cart_id: cart.id }, { headers: shopperHeaders(store.publishableKey, SHOPPER.checkoutPage) });
  const order = await checkOut(api, store, cart.id);
  const queued = await waitFor(async () => {
    const rows = ((await api.get('/admin/capi-relay/events', admin)).data.events as LogRow[]).filter((row) => row.status === 'queued');
    return rows.length === 3 ? rows : undefined;
  });
  expect(queued.map((row) => row.eventName).sort()).toEqual(['AddToCart', 'InitiateCheckout', 'Purchase']);
  await server.stop();
  expect(receivedEvents(sandbox)).toEqual([]);

  server = await startMedusa(PORT, { ...env, CAPI_RELAY_DELIVERY_WORKER: 'in-process' });
  api = axios.create({ baseURL: server.url });
  const delivered = await waitForEvents(sandbox, 3);
  expect(delivered.map((event) => event.event_id).sort()).toEqual(
    [`add_to_cart:${cart.id}:${cart.items[0]?.id}:2`, `initiate_checkout:${cart.id}`, `purchase:${order.id}`].sort(),
  );
  const log = await waitFor(async () => {
    const rows = (await api.get('/admin/capi-relay/events', admin)).data.events as LogRow[];
    return rows.every((row) => row.status === 'sent') ? rows : undefined;
  });
  expect(log).toHaveLength(3);
  // Nothing is left to send, so nothing arrives twice.
  expect(receivedEvents(sandbox)).toHaveLength(3);
});
