/**
 * Webhooks that arrive while a write is in flight are recorded together in the next transaction
 * (group commit), on SQLite and PostgreSQL. One whose row the database refuses must fail alone: the
 * others in its transaction are stored and acknowledged, it gets a 500 and keeps no receipt, so
 * Shopify's redelivery is processed.
 */
import pg from 'pg';

import { countTransactions } from '../../prisma/test/count-transactions';
import { forEachDatabase } from '../../prisma/test/databases';
import { freshFixture, SHOP_A } from './support/test-app';
import { useTestApp } from './support/use-test-app';

const FIXTURE_ORDER_ID = '820982911946154508';
const orderId = (n: number) => `82098291194615${String(n).padStart(4, '0')}`;
const orderBody = (n: number) => freshFixture('orders-paid.capi-variant.json').split(FIXTURE_ORDER_ID).join(orderId(n));
const REFUSED = 3;

/** A database-side refusal of one event row: a trigger, so the failure happens inside the shared transaction. */
const REFUSE_ONE = {
  sqlite: [
    `CREATE TRIGGER "refuse_one" BEFORE INSERT ON "OutboxEvent" WHEN NEW."eventId" = 'purchase:${orderId(REFUSED)}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
  ],
  postgresql: [
    `CREATE FUNCTION refuse_one() RETURNS trigger AS $$ BEGIN IF NEW."eventId" = 'purchase:${orderId(REFUSED)}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    'CREATE TRIGGER refuse_one BEFORE INSERT ON "OutboxEvent" FOR EACH ROW EXECUTE FUNCTION refuse_one()',
  ],
};
const ALLOW_ALL = {
  sqlite: ['DROP TRIGGER IF EXISTS "refuse_one"'],
  postgresql: ['DROP TRIGGER IF EXISTS refuse_one ON "OutboxEvent"', 'DROP FUNCTION IF EXISTS refuse_one()'],
};

forEachDatabase((t) => {
  const harness = useTestApp(t);
  const db = () => harness().runtime.db;
  const run = async (statements: string[]) => {
    for (const statement of statements) await db().client.$executeRawUnsafe(statement);
  };

  /**
   * Holds every write of the app until released: on SQLite an open transaction on its connection,
   * on PostgreSQL a lock on the receipts table taken by another connection.
   */
  async function holdWrites(): Promise<() => Promise<void>> {
    if (t.provider === 'sqlite') {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let opened!: () => void;
      const open = new Promise<void>((resolve) => (opened = resolve));
      const holding = db().client.$transaction(async () => {
        opened();
        await released;
      });
      await open;
      return async () => {
        release();
        await holding;
      };
    }
    const other = new pg.Client({ connectionString: t.testDatabase().url });
    await other.connect();
    await other.query('BEGIN');
    await other.query('LOCK TABLE "WebhookReceipt" IN EXCLUSIVE MODE');
    return async () => {
      await other.query('COMMIT');
      await other.end();
    };
  }

  /** Resolves once `record` has been called `count` times (the deliveries queued for the group). */
  function recordsQueued(count: number): Promise<void> {
    const outbox = db().outbox;
    const record = outbox.record;
    let calls = 0;
    return new Promise<void>((resolve) => {
      outbox.record = (...args) => {
        calls += 1;
        if (calls === count) {
          outbox.record = record;
          resolve();
        }
        return record.apply(outbox, args);
      };
    });
  }

  afterEach(() => run(ALLOW_ALL[t.provider]));

  it('stores and acknowledges every webhook of a shared transaction but the one the database refuses', async () => {
    await harness().configurePixel(SHOP_A);
    // The pixel setup it starts in the background changes the store row (its pixel key): let it finish.
    await harness().runtime.services.adminAccess.settle();
    // Fills the store cache, so the six below reach the write together.
    expect((await harness().deliver('orders/create', orderBody(0))).statusCode).toBe(200);
    await run(REFUSE_ONE[t.provider]);

    const { result: statuses, transactions } = await countTransactions(db().sql, async () => {
      const release = await holdWrites();
      const queued = recordsQueued(6);
      const responses = [1, 2, 3, 4, 5, 6].map((n) => harness().deliver('orders/create', orderBody(n), { webhookId: `delivery-${n}` }));
      await queued;
      // The first takes the next transaction and waits on the hold; the other five queue for the one after it.
      await release();
      return (await Promise.all(responses)).map((response) => response.statusCode);
    });

    expect(statuses).toEqual([200, 200, 500, 200, 200, 200]);
    // One transaction for the first; the other five written at once, rolled back, then one by one in savepoints.
    expect(transactions).toBe(3);
    const stored = (await db().outbox.listEvents({ storeId: (await db().stores.findStore('shopify', SHOP_A))!.id, limit: 100 })).map((row) => row.eventId).sort();
    expect(stored).toEqual([0, 1, 2, 4, 5, 6].map((n) => `purchase:${orderId(n)}`).sort());

    // Its receipt went with its rows: Shopify's redelivery, once the row is storable, is recorded.
    await run(ALLOW_ALL[t.provider]);
    expect((await harness().deliver('orders/create', orderBody(REFUSED), { webhookId: `delivery-${REFUSED}` })).statusCode).toBe(200);
    const after = await db().outbox.listEvents({ storeId: (await db().stores.findStore('shopify', SHOP_A))!.id, limit: 100 });
    expect(after.map((row) => row.eventId)).toContain(`purchase:${orderId(REFUSED)}`);
  });
});
