/**
 * The worker's writes on the real databases, counted at the SQL driver: a round is one claim
 * statement and one outcome write whatever the batch size, so a week-old backlog expires in a bounded
 * number of statements, never one transaction per event. And every outcome refreshes the row's update
 * time, which retention prunes finished rows by.
 */
import { createWorker, MAX_EVENT_AGE_SECONDS, silentLogger } from '@capi-relay/core';
import { drainRounds, newEvent } from '@capi-relay/core/testing';
import { createDb, type Db } from '../src/client';
import { resolveDatabaseTarget } from '../src/database-target';
import type { SqlDriver, SqlQueryable } from '../src/driver/sql-driver';
import { createPrismaOutboxStore } from '../src/outbox/prisma-outbox-store';
import { forEachDatabase } from './databases';

const DAY = 86_400_000;

/** The driver, with every statement that touches the outbox table counted. */
function countingOutboxStatements(sql: SqlDriver): { sql: SqlDriver; statements: string[] } {
  const statements: string[] = [];
  const counted = <T extends SqlQueryable>(inner: T): T => ({
    ...inner,
    query: (text, params) => {
      if (text.includes('"OutboxEvent"')) statements.push(text);
      return inner.query(text, params);
    },
    run: (text, params) => {
      if (text.includes('"OutboxEvent"')) statements.push(text);
      return inner.run(text, params);
    },
  });
  return {
    statements,
    sql: { ...counted(sql), provider: sql.provider, transaction: (work) => sql.transaction((tx) => work(counted(tx))) },
  };
}

forEachDatabase((t) => {
  let db: Db;
  beforeAll(() => {
    // A second client on the test database, so its SQL driver can be wrapped.
    db = createDb(resolveDatabaseTarget(t.testDatabase().url));
  });
  afterAll(() => db.close());
  beforeEach(() => t.reset());

  async function pixel() {
    const store = await t.db().stores.ensureStore('shopify', 'acme.myshopify.com');
    const config = await t.db().pixels.upsertForStore(store.id, { pixelId: '123456789012345', accessTokenCiphertext: 'v1:x', enabled: true });
    return { storeId: store.id, pixelConfigId: config.id };
  }

  it('expires a 2,500-event backlog past Meta\'s window in one claim and one write per 1,000 events, each with its own detail', async () => {
    const { storeId, pixelConfigId } = await pixel();
    const tooOld = Date.now() - MAX_EVENT_AGE_SECONDS * 1000 - DAY;
    const events = Array.from({ length: 2500 }, (_, n) => newEvent(storeId, pixelConfigId, n, { eventTime: new Date(tooOld - n * 1000) }));
    for (let start = 0; start < events.length; start += 500) await t.db().outbox.record(null, events.slice(start, start + 500));

    const counting = countingOutboxStatements(db.sql);
    const outbox = createPrismaOutboxStore({ ...db, sql: counting.sql }, silentLogger);
    const graph = { sendEncoded: jest.fn() };
    const worker = createWorker({ outbox, pixels: t.db().pixels, resolveTarget: jest.fn(), graph, batchSize: 1000 });
    expect(await drainRounds(worker, 10)).toMatchObject({ claimed: 2500, expired: 2500 });
    expect(graph.sendEncoded).not.toHaveBeenCalled();
    // Three claims that found 1,000, 1,000 and 500 events, one that found none, three outcome writes.
    const claims = counting.statements.filter((text) => text.includes("'sending'") && text.includes('LIMIT'));
    expect(claims).toHaveLength(4);
    expect(counting.statements).toHaveLength(7);
    expect(await t.db().outbox.countByStatus(storeId)).toMatchObject({ expired: 2500, queued: 0, sending: 0 });
    const rows = await t.db().client.outboxEvent.findMany({ where: { eventId: { in: ['order-0', 'order-2499'] } }, orderBy: { eventId: 'asc' } });
    expect(rows.map((row) => [row.reason, row.reasonDetail?.includes(`happened at ${row.eventTime.toISOString()}`)])).toEqual([
      ['too_old', true],
      ['too_old', true],
    ]);
    expect(await t.db().client.deliveryAttempt.count()).toBe(0);
  });

  it('sets the update time on every outcome, so retention keeps a row that just finished', async () => {
    const { storeId, pixelConfigId } = await pixel();
    await t.db().outbox.record(null, [newEvent(storeId, pixelConfigId, 1), newEvent(storeId, pixelConfigId, 2)]);
    const [batch] = await t.db().outbox.claimDue({ workerId: 'w', now: new Date(), limit: 10, leaseMs: 60_000 });
    const [first, second] = batch!.events.map((event) => event.id);
    const longAgo = new Date(Date.now() - 40 * DAY);
    await t.db().client.outboxEvent.updateMany({ data: { updatedAt: longAgo } });

    await t.db().outbox.recordOutcomes(batch!.lease.token, [
      { id: first!, kind: 'expired', detail: 'Too old.' },
      { id: second!, kind: 'failed', reason: 'rejected', detail: 'Refused.', attempt: { attemptedAt: new Date(), outcome: 'rejected' } },
    ]);

    expect(await t.db().outbox.pruneOlderThan(new Date(Date.now() - DAY))).toMatchObject({ events: 0 });
    await t.db().client.outboxEvent.updateMany({ data: { updatedAt: longAgo } });
    expect(await t.db().outbox.pruneOlderThan(new Date(Date.now() - DAY))).toMatchObject({ events: 2 });
  });
});
