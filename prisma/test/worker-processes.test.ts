/**
 * Workers as separate processes over one database, the way production runs them: a worker killed
 * with SIGKILL in the middle of a batch loses nothing (its lease runs out and a restarted worker sends
 * the batch), and two workers sharing one PostgreSQL database deliver every event exactly once.
 */
import { type GraphSandbox, startGraphSandbox } from '@capi-relay/core';
import { forEachDatabase, type TestDatabase } from './databases';
import {
  countStatuses,
  createDeliveryFixture,
  type DeliveryFixture,
  queueOrders,
  receivedEventIds,
  waitUntil,
} from './fixtures-worker/delivery-fixture';
import { spawnWorker, type WorkerProcess, type WorkerProcessSettings } from './fixtures-worker/worker-process';

jest.setTimeout(180_000);

let sandbox: GraphSandbox;
const running: WorkerProcess[] = [];
beforeAll(async () => {
  sandbox = await startGraphSandbox({ historyLimit: 100_000 });
});
afterEach(async () => {
  for (const worker of running.splice(0)) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await worker.exited;
  }
});
afterAll(() => sandbox.close());

function settingsFor(database: TestDatabase, fixture: DeliveryFixture, workerId: string, tuning: Partial<WorkerProcessSettings>): WorkerProcessSettings {
  return {
    databaseUrl: database.url,
    graphUrl: sandbox.url,
    encryptionKey: fixture.encryptionKey,
    workerId,
    leaseMs: 60_000,
    pollIntervalMs: 50,
    batchSize: 200,
    graphTimeoutMs: 10_000,
    ...tuning,
  };
}

function start(settings: WorkerProcessSettings): WorkerProcess {
  const worker = spawnWorker(settings);
  running.push(worker);
  return worker;
}

async function stopGracefully(worker: WorkerProcess): Promise<void> {
  worker.child.kill('SIGTERM');
  expect(await worker.exited).toBe(0);
}

function orderIds(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}

forEachDatabase((t) => {
  beforeEach(async () => {
    await t.reset();
    sandbox.reset();
  });

  it('loses nothing when a worker is killed with SIGKILL mid-batch and another starts', async () => {
    const fixture = await createDeliveryFixture(t.db(), sandbox);
    const eventIds = await queueOrders(fixture, orderIds(300, 'crash-'));
    // The first request is never answered: the worker is inside a batch when it dies.
    sandbox.failNext(1, { kind: 'timeout' });
    const tuning = { leaseMs: 5_000, graphTimeoutMs: 2_500, batchSize: 100 };

    const doomed = start(settingsFor(t.testDatabase(), fixture, 'doomed', tuning));
    await doomed.ready;
    await waitUntil('the worker to send its first request', () => sandbox.requests.some((request) => request.fault === 'timeout'));
    doomed.child.kill('SIGKILL');
    expect(await doomed.exited).toBe('SIGKILL');
    expect(await countStatuses(t.db(), fixture.storeId)).toMatchObject({ sending: 100, queued: 200, sent: 0 });

    const successor = start(settingsFor(t.testDatabase(), fixture, 'successor', tuning));
    await successor.ready;
    await waitUntil('every event to be sent', async () => (await countStatuses(t.db(), fixture.storeId)).sent === 300);
    await stopGracefully(successor);

    const received = receivedEventIds(sandbox);
    expect(new Set(received)).toEqual(new Set(eventIds));
    // The batch in flight was never answered, so nothing reached Meta twice either.
    expect(received).toHaveLength(300);
    expect(successor.sentCount()).toBe(300);
  });

  if (t.provider !== 'postgresql') return;

  it('two worker processes on one PostgreSQL database deliver 10,000 events with no duplicate and no loss', async () => {
    const fixture = await createDeliveryFixture(t.db(), sandbox);
    const workers = [start(settingsFor(t.testDatabase(), fixture, 'left', {})), start(settingsFor(t.testDatabase(), fixture, 'right', {}))];
    await Promise.all(workers.map((worker) => worker.ready));

    // Queued while both workers poll, as webhooks arrive in production.
    const eventIds = await queueOrders(fixture, orderIds(10_000, 'load-'));
    await waitUntil('10,000 events to be sent', async () => (await countStatuses(t.db(), fixture.storeId)).sent === 10_000, 150_000, 250);
    await Promise.all(workers.map(stopGracefully));

    const received = receivedEventIds(sandbox);
    expect(received).toHaveLength(10_000);
    expect(new Set(received)).toEqual(new Set(eventIds));
    expect(workers.map((worker) => worker.sentCount()).reduce((a, b) => a + b)).toBe(10_000);
    for (const worker of workers) expect(worker.sentCount()).toBeGreaterThan(0);
    expect(await countStatuses(t.db(), fixture.storeId)).toMatchObject({ queued: 0, sending: 0, failed: 0, sent: 10_000 });
  });
});
