/**
 * The delivery worker against the real Prisma stores (SQLite and PostgreSQL) and the Graph sandbox:
 * whatever Graph does, every event ends up sent exactly once or kept with the reason it was not.
 * Rounds are driven with runOnce() and a clock the test moves, so nothing here waits on real time
 * except the one request the sandbox deliberately leaves unanswered.
 */
import { buildPurchase, type DeliveryWorker, type GraphSandbox, startGraphSandbox } from '@capi-relay/core';
import { forEachDatabase } from './databases';
import {
  countStatuses,
  createDeliveryFixture,
  type DeliveryFixture,
  NEW_TOKEN,
  order,
  queueOrders,
  receivedEventIds,
  TOKEN,
} from './fixtures-worker/delivery-fixture';

const MINUTE = 60_000;
const GRAPH_TIMEOUT_MS = 500;

let sandbox: GraphSandbox;
beforeAll(async () => {
  sandbox = await startGraphSandbox();
});
afterAll(() => sandbox.close());

function countsOf(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

forEachDatabase((t) => {
  let fixture: DeliveryFixture;
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const advance = (ms: number) => void (offsetMs += ms);

  beforeEach(async () => {
    await t.reset();
    sandbox.reset();
    offsetMs = 0;
    fixture = await createDeliveryFixture(t.db(), sandbox, GRAPH_TIMEOUT_MS);
  });

  // random() = 0: full jitter picks no wait, so a retry is due at once unless Graph asked for one.
  const newWorker = (): DeliveryWorker =>
    fixture.engine.createWorker(fixture.stores, { clock, random: () => 0, leaseMs: 10 * MINUTE, workerId: `test-${t.provider}` });

  const statuses = () => countStatuses(t.db(), fixture.storeId);
  const events = () => t.db().outbox.listEvents({ storeId: fixture.storeId, limit: 500 });

  function expectEachReceivedOnce(eventIds: string[]): void {
    const received = countsOf(receivedEventIds(sandbox));
    expect([...received.keys()].sort()).toEqual([...eventIds].sort());
    expect([...received.values()].every((times) => times === 1)).toBe(true);
  }

  it('sends every event exactly once after Graph fails the first requests with HTTP 500', async () => {
    const eventIds = await queueOrders(fixture, ['1', '2', '3', '4', '5']);
    sandbox.failNext(3, { kind: 'http500' });
    const worker = newWorker();

    for (let round = 0; round < 3; round++) expect(await worker.runOnce()).toMatchObject({ claimed: 5, retried: 5 });
    expect(await worker.runOnce()).toMatchObject({ claimed: 5, sent: 5 });

    expectEachReceivedOnce(eventIds);
    expect(await statuses()).toMatchObject({ sent: 5, queued: 0, sending: 0 });
    const attempts = await t.db().client.deliveryAttempt.findMany({ where: { event: { storeId: fixture.storeId } } });
    expect(attempts.filter((a) => a.outcome === 'retry').map((a) => [a.httpStatus, a.code])).toEqual(Array(15).fill([500, 1]));
    expect(attempts.filter((a) => a.outcome === 'sent')).toHaveLength(5);
    for (const row of await events()) {
      expect(row).toMatchObject({ status: 'sent', attempts: 4 });
      expect(row.lastFbtraceId).toEqual(expect.any(String));
    }
  });

  it.each([4, 17] as const)('waits out a rate limit (code %i) for the regain time Graph gave, then sends once', async (code) => {
    const eventIds = await queueOrders(fixture, ['10', '11', '12']);
    sandbox.failNext(1, { kind: 'rateLimit', code, regainMinutes: 5 });
    const worker = newWorker();

    expect(await worker.runOnce()).toMatchObject({ retried: 3 });
    const throttledAt = clock().getTime();
    for (const row of await events()) {
      expect(row.status).toBe('queued');
      expect(row.nextAttemptAt?.getTime()).toBeGreaterThanOrEqual(throttledAt + 5 * MINUTE - 1_000);
    }
    expect((await worker.runOnce()).claimed).toBe(0);

    advance(5 * MINUTE + 1_000);
    expect(await worker.runOnce()).toMatchObject({ sent: 3 });
    expectEachReceivedOnce(eventIds);
  });

  it('retries a request Graph never answered and sends the events once', async () => {
    const eventIds = await queueOrders(fixture, ['20', '21']);
    sandbox.failNext(1, { kind: 'timeout' });
    const worker = newWorker();

    expect(await worker.runOnce()).toMatchObject({ retried: 2 });
    const attempts = await t.db().client.deliveryAttempt.findMany({ where: { event: { storeId: fixture.storeId } } });
    expect(attempts.map((a) => [a.outcome, a.httpStatus])).toEqual([['retry', null], ['retry', null]]);

    expect(await worker.runOnce()).toMatchObject({ sent: 2 });
    expectEachReceivedOnce(eventIds);
  });

  it('bisects a batch Meta refuses for one event: the others are sent once, the bad one is dead-lettered', async () => {
    const goodIds = await queueOrders(fixture, ['30', '31', '32', '33']);
    const pixels = await t.db().pixels.listByStore(fixture.storeId);
    const [planned] = fixture.engine.plan({ storeId: fixture.storeId, pixels, built: [buildBad(order('34'))], now: new Date() });
    // Planning refuses it (as it should); queue it anyway, as a bug in validation would.
    expect(planned).toMatchObject({ status: 'skipped', reason: 'invalid' });
    const bad = { ...planned!, status: 'queued' as const, reason: undefined, reasonDetail: undefined };
    await t.db().outbox.record(null, [bad]);
    const worker = newWorker();

    expect(await worker.runOnce()).toMatchObject({ claimed: 5, sent: 4, failed: 1 });

    expectEachReceivedOnce(goodIds);
    expect(sandbox.requests.length).toBeGreaterThan(2);
    const deadLetter = (await events()).find((row) => row.eventId === bad.eventId);
    expect(deadLetter).toMatchObject({ status: 'failed', reason: 'rejected' });
    expect(deadLetter?.reasonDetail).toMatch(/Meta error 100\/2804016/);
    expect(deadLetter?.reasonDetail).toMatch(/fbtrace_id: \S+/);
    expect(deadLetter?.reasonDetail).toMatch(/User Parameter Not Hashed/);
  });

  it('stops the pixel on a token error, keeps its events queued, and resumes after the token is replaced', async () => {
    const eventIds = await queueOrders(fixture, ['40', '41', '42']);
    sandbox.revokeToken(TOKEN, 463);
    const worker = newWorker();

    expect(await worker.runOnce()).toMatchObject({ claimed: 3, held: 3, sent: 0 });
    const stopped = await t.db().pixels.get(fixture.pixelConfigId);
    expect(stopped?.stoppedAt).toBeInstanceOf(Date);
    expect(stopped?.stoppedReason).toMatch(/access token/);
    expect(await statuses()).toMatchObject({ queued: 3 });

    // The circuit stays open: nothing is claimed, and new events queue up behind it.
    eventIds.push(...(await queueOrders(fixture, ['43'])));
    expect((await worker.runOnce()).claimed).toBe(0);
    expect(await statuses()).toMatchObject({ queued: 4 });
    expect(sandbox.requests).toHaveLength(1);

    const saved = await fixture.engine.settings(t.db().pixels).updateSettings(fixture.storeId, { accessToken: NEW_TOKEN });
    expect(saved.ok).toBe(true);
    expect(await worker.runOnce()).toMatchObject({ claimed: 4, sent: 4 });
    expectEachReceivedOnce(eventIds);
  });

  it('expires events that fell out of Meta\'s window while queued and never sends them', async () => {
    await queueOrders(fixture, ['50', '51']);
    advance(8 * 24 * 60 * MINUTE);

    expect(await newWorker().runOnce()).toMatchObject({ claimed: 2, expired: 2, sent: 0 });

    expect(sandbox.requests).toHaveLength(0);
    for (const row of await events()) {
      expect(row).toMatchObject({ status: 'expired', reason: 'too_old', attempts: 0 });
      expect(row.reasonDetail).toMatch(/up to 7 days old/);
    }
  });
});

/** A Purchase with an unhashed email: the kind of event only a bug could queue, which Meta refuses. */
function buildBad(source: ReturnType<typeof order>) {
  const built = buildPurchase(source);
  return { ...built, event: { ...built.event, user_data: { ...built.event.user_data, em: ['buyer@example.com'] } } };
}
