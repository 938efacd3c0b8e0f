/**
 * PostgreSQL restarted under load (issue 11, faults): an app (with its in-process worker) and a
 * standalone worker on a PostgreSQL server of the suite's own, which the suite stops and starts while
 * orders keep arriving and the workers drain: once with PostgreSQL's fast shutdown (every session
 * terminated), once as a crash (immediate: the next start replays the WAL). Webhooks answered
 * anything but 200 meanwhile are retried as Shopify retries them. Afterwards, counted from the Graph
 * sandbox's record: every accepted order's Purchase sent exactly once, and the processes still the
 * ones started at the beginning (they recover; nothing restarts them).
 *
 * CHAOS_PG_LOAD_SECONDS (default 12) and CHAOS_PG_RATE (orders offered per second, default 20) size it.
 */
import { writeFileSync } from 'node:fs';

import { startGraphSandbox, type GraphSandbox } from '@capi-relay/core';

import { createTestDatabase, type TestDatabase } from '../../prisma/test/databases';
import { type RelayProcess, type ServerProcess, startServer, startWorker } from './support/processes';
import { offerOrders } from './support/offer-orders';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { eventKey, missing, receptionTimes } from './support/sandbox-record';
import { adminCall, deliverLikeShopify, type DeliveryResult, orderBody } from './support/shopify';
const { summaryFile } = require('./support/summary-file') as { summaryFile: (part: string) => string };

const LOAD_SECONDS = Number(process.env.CHAOS_PG_LOAD_SECONDS ?? 12);
const RATE = Number(process.env.CHAOS_PG_RATE ?? 20);
/** This suite's range (relay.chaos.ts holds 45010-45011). */
const PORTS = { app: 45012, postgres: 45020 };
/** How long each outage lasts: longer than a webhook's 5 s wait would make every in-flight delivery a timeout. */
const OUTAGE_MS = 3_000;

const SHOPS = ['chaos-pg-1.myshopify.com', 'chaos-pg-2.myshopify.com'];
const pixelOf = (shop: string) => `20000000000000${SHOPS.indexOf(shop) + 1}`;
const tokenOf = (shop: string) => `EAAB${shop.replace(/\W/g, '')}${'p'.repeat(40)}`;
/** The order fixture's customer: never in a log line, whatever failed. */
const CUSTOMER_SECRETS = ['jane.doe@example.com', '+4915112345678'];
/** Error names whose message may quote a query's values: logged by code only. */
const DATABASE_ERROR = /^(PrismaClient|DriverAdapterError$|SqliteError$)/;

const summary = { webhooksAccepted: 0, eventsSent: 0, duplicates: 0, lost: 0, faultsInjected: 0 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let sandbox: GraphSandbox;
let postgres: PrivatePostgres;
let database: TestDatabase;
let app: ServerProcess;
let worker: RelayProcess;
const logs = { app: [] as string[], worker: [] as string[] };

// Purchases go at once instead of waiting a minute for the storefront pixel's half: the workers are
// sending, not idling, while the database goes away.
const env = () => ({ databaseUrl: database.url, graphUrl: sandbox.url, extra: { STITCH_WAIT_SECONDS: '0' } });

beforeAll(async () => {
  sandbox = await startGraphSandbox({ historyLimit: 1_000_000 });
  postgres = await startPrivatePostgres(PORTS.postgres);
  database = await createTestDatabase('postgresql', { serverUrl: postgres.url });
  app = await startServer('app-pg', { ...env(), port: PORTS.app }, logs.app);
  worker = await startWorker('worker-pg', env(), logs.worker);
  for (const shop of SHOPS) {
    const saved = await adminCall(app.url, shop, 'PUT', '/api/settings', { pixelId: pixelOf(shop), accessToken: tokenOf(shop) });
    if (saved.status !== 200) throw new Error(`configuring ${shop} failed: ${saved.text}`);
  }
});

afterAll(async () => {
  if (process.env.CHAOS_DEBUG_FILE) {
    for (const [name, lines] of Object.entries(logs)) writeFileSync(`${process.env.CHAOS_DEBUG_FILE}.pg-${name}.log`, lines.join('\n'));
  }
  for (const relay of [app, worker]) await relay?.kill('SIGTERM');
  await sandbox?.close();
  await database?.drop();
  await postgres?.destroy();
  writeFileSync(summaryFile('postgres-restart'), JSON.stringify(summary));
});

/** A stop, an outage of OUTAGE_MS, a start: the time the processes spend without their database. */
async function restart(mode: 'fast' | 'immediate'): Promise<void> {
  await postgres.stop(mode);
  summary.faultsInjected += 1;
  await sleep(OUTAGE_MS);
  await postgres.start();
}

interface LogLine {
  level?: number;
  msg?: string;
  error?: { name?: string; message?: string };
}

function parseLine(line: string): LogLine | undefined {
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return undefined;
  }
}

describe('PostgreSQL restarted under load', () => {
  it('sends every accepted order\'s Purchase exactly once, and the app and worker recover on their own', async () => {
    const expected = new Set<string>();
    const deliveries: Promise<DeliveryResult>[] = [];
    const faults = (async () => {
      await sleep((LOAD_SECONDS * 1000) / 4);
      await restart('fast');
      await sleep((LOAD_SECONDS * 1000) / 6);
      await restart('immediate');
    })();

    await offerOrders({
      seconds: LOAD_SECONDS,
      rate: RATE,
      shops: SHOPS,
      idPrefix: '8',
      offer: ({ shop, orderId }) => {
        expected.add(eventKey(pixelOf(shop), `purchase:${orderId}`));
        deliveries.push(deliverLikeShopify(() => [app.url], 'orders/create', shop, orderBody(shop, orderId)));
      },
    });
    await faults;
    const results = await Promise.all(deliveries);

    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && missing(sandbox, expected).length > 0) await sleep(500);

    const lost = missing(sandbox, expected);
    const duplicates = [...receptionTimes(sandbox).values()].reduce((sum, times) => sum + times.length - 1, 0);
    summary.webhooksAccepted += results.filter((result) => result.status === 200).length;
    summary.eventsSent += expected.size - lost.length;
    summary.lost += lost.length;
    summary.duplicates += duplicates;

    // What the outbox says about any event that did not arrive: its status and reason.
    const unsent = await database.db.client.outboxEvent.findMany({
      where: { eventId: { in: lost.map((key) => key.split('|')[1]!) } },
      select: { eventId: true, status: true, reason: true, attempts: true },
    });
    const retried = results.filter((result) => result.attempts > 1).length;
    const lines = [...logs.app, ...logs.worker];

    // The outage was met: some deliveries got no 200 and were sent again, as Shopify would.
    expect(retried).toBeGreaterThan(0);
    expect(results.filter((result) => result.status !== 200)).toEqual([]);
    expect({ lost: unsent, duplicates }).toEqual({ lost: [], duplicates: 0 });
    // Recovered, not restarted: the processes started before the outages are the ones still serving.
    expect([app.exited(), worker.exited()]).toEqual([false, false]);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    // Every line is a log line (a crash would print its stack), and an outage is logged as what the
    // database did, by code and meaning, never a driver's message or a customer's data.
    expect(lines.filter((line) => parseLine(line) === undefined)).toEqual([]);
    expect(lines.map(parseLine).filter((line) => DATABASE_ERROR.test(line?.error?.name ?? '') && line?.error?.message !== undefined)).toEqual([]);
    const secrets = [...CUSTOMER_SECRETS, ...SHOPS.map(tokenOf)];
    expect(lines.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
  }, LOAD_SECONDS * 1000 + 240_000);
});
