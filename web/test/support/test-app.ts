/**
 * The whole server over a real database (SQLite or PostgreSQL, from the db package's helper) and the
 * Graph sandbox: webhooks signed as Shopify signs them, admin calls with App Bridge-style session
 * tokens. The delivery worker is not started; tests run its rounds.
 *
 * Requests go over a real loopback socket rather than Fastify's inject: inject loads `cookie@2`,
 * an ES module Jest's CommonJS runtime cannot require on Node 22.
 */
import { Writable } from 'node:stream';
import { startGraphSandbox, type DeliveryWorker, type GraphSandbox } from '@capi-relay/core';
import type { FastifyInstance } from 'fastify';

import type { Runtime } from '../../src/app/open-runtime';
import { loadConfig } from '../../src/config/load-config';
import { buildServer } from '../../src/server/build-server';
import { loggerOptions } from '../../src/server/logger-options';
import type { TestDatabase } from '../../../prisma/test/databases';
import { fixtureBody, mintSessionToken, webhookHeaders } from './shopify-signing';
import { fakeTokenEndpoint } from './shopify-token-endpoint';
import { type FakeWebPixels, fakeWebPixels } from './shopify-web-pixels';

export const API_KEY = 'test-api-key';
export const API_SECRET = 'test-api-secret';
export const SHOP_A = 'shop-a.myshopify.com';
export const SHOP_B = 'shop-b.myshopify.com';
export const PIXEL_ID = '123456789012345';
export const META_TOKEN = `EAAB${'x'.repeat(60)}`;

export interface TestResponse {
  statusCode: number;
  headers: Headers;
  body: string;
  json(): unknown;
}

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  sandbox: GraphSandbox;
  worker: DeliveryWorker;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  tokenEndpoint: ReturnType<typeof fakeTokenEndpoint>;
  /** The Admin GraphQL web pixel operations the app performed, answered as Shopify would. */
  webPixels: FakeWebPixels;
  /** Any request to the server; `payload` objects are sent as JSON, strings as they are. */
  request(method: string, path: string, options?: { headers?: Record<string, string>; payload?: unknown }): Promise<TestResponse>;
  deliver(topic: string, body: string, options?: { shop?: string; webhookId?: string; hmac?: string; triggeredAt?: string }): Promise<TestResponse>;
  admin(shop: string, method: 'GET' | 'PUT' | 'POST', path: string, payload?: unknown): Promise<TestResponse>;
  /** Saves a working pixel configuration for the shop through the admin API. */
  configurePixel(shop: string, settings?: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function createTestApp(database: TestDatabase, env: Record<string, string> = {}): Promise<TestApp> {
  const sandbox = await startGraphSandbox();
  try {
    return await startApp(database, env, sandbox);
  } catch (error) {
    // A half-built harness has no close() for the caller to run: a sandbox left listening keeps Jest from exiting.
    await sandbox.close();
    throw error;
  }
}

async function startApp(database: TestDatabase, env: Record<string, string>, sandbox: GraphSandbox): Promise<TestApp> {
  const webPixels = fakeWebPixels();
  const tokenEndpoint = fakeTokenEndpoint(webPixels.answer);
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const { config } = loadConfig(
    {
      SHOPIFY_API_KEY: API_KEY,
      SHOPIFY_API_SECRET: API_SECRET,
      SHOPIFY_APP_URL: 'https://relay.example.com',
      ENCRYPTION_KEY: 'ab'.repeat(32),
      DATABASE_URL: database.url,
      META_GRAPH_URL: sandbox.url,
      // Sent at once unless a test of stitching asks for the wait (its worker then runs on a later clock).
      STITCH_WAIT_SECONDS: '0',
      ...env,
    },
    process.cwd(),
  );
  const { app, runtime } = await buildServer({ config, logger: loggerOptions('debug', stream) });
  const worker = runtime.engine.createWorker({ outbox: runtime.db.outbox, pixels: runtime.db.pixels });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

  const request: TestApp['request'] = async (method, path, { headers = {}, payload } = {}) => {
    const isJson = payload !== undefined && typeof payload !== 'string';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(isJson ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(payload === undefined ? {} : { body: isJson ? JSON.stringify(payload) : (payload as string) }),
    });
    const body = await response.text();
    return { statusCode: response.status, headers: response.headers, body, json: () => JSON.parse(body) as unknown };
  };
  const admin: TestApp['admin'] = (shop, method, path, payload) =>
    request(method, path, {
      headers: { authorization: `Bearer ${mintSessionToken({ shop, apiKey: API_KEY, secret: API_SECRET })}`, 'user-agent': 'Mozilla/5.0 (test admin)' },
      payload,
    });

  return {
    app,
    runtime,
    sandbox,
    worker,
    logs,
    tokenEndpoint,
    webPixels,
    request,
    deliver: (topic, body, options = {}) =>
      request('POST', '/api/webhooks', {
        headers: webhookHeaders({
          topic,
          body,
          shop: options.shop ?? SHOP_A,
          secret: API_SECRET,
          webhookId: options.webhookId,
          hmac: options.hmac,
          triggeredAt: options.triggeredAt,
        }),
        payload: body,
      }),
    admin,
    async configurePixel(shop, settings = {}) {
      const response = await admin(shop, 'PUT', '/api/settings', { pixelId: PIXEL_ID, accessToken: META_TOKEN, ...settings });
      if (response.statusCode !== 200) throw new Error(`configuring the pixel failed: ${response.body}`);
    },
    async close() {
      // Each step runs even when an earlier one fails, so nothing is left listening.
      const failures: unknown[] = [];
      for (const step of [() => app.close(), () => worker.stop(), () => runtime.close(), () => sandbox.close(), async () => tokenEndpoint.restore()]) {
        try {
          await step();
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length > 0) throw new AggregateError(failures, 'closing the test app failed');
    },
  };
}

/** The shop Shopify's published order payloads belong to (in their storefront URLs). */
const FIXTURE_SHOP = 'jsmith.myshopify.com';

/**
 * A fixture body with its timestamps moved to `at`, so events fall inside Meta's 7-day window, and
 * its storefront URLs on `shop`, whose body it becomes (a body naming another shop is refused).
 * Text replacement keeps every other byte (and the exact big ids) as Shopify wrote them.
 */
export function freshFixture(file: string, at: Date = new Date(), shop: string = SHOP_A): string {
  return fixtureBody(file)
    .replace(/"(created_at|updated_at|processed_at)": "[^"]+"/g, `"$1": "${at.toISOString()}"`)
    .split(FIXTURE_SHOP)
    .join(shop);
}
