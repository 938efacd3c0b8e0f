/**
 * PostgreSQL connections that die under the app (the server restarted, the backend was terminated),
 * as src/pg-adapter.ts handles them. Before it, a connection ended while checked out but not yet
 * listened to crashed the process with an unhandled 'error' event, and each transaction ending on a
 * dead connection kept that connection checked out forever: with the pool used up, every later query
 * waited for a connection, and close() never returned.
 */
import pg from 'pg';

import { openDatabase, type Database } from '../src';
import { ResilientPrismaPg } from '../src/pg-adapter';
import { createTestDatabase, PROVIDERS, type TestDatabase } from './databases';

const POOL_SIZE = 2;
const describePostgres = PROVIDERS.includes('postgresql') ? describe : describe.skip;

describePostgres('postgresql: a connection lost inside a transaction', () => {
  let database: TestDatabase;
  let db: Database;
  let admin: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    db = openDatabase(database.url, { poolSize: POOL_SIZE });
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await database?.drop();
  });

  /** Ends a backend from another session, as a server restart would, and waits until it is gone. */
  const terminate = (pid: number) => admin.query('SELECT pg_terminate_backend($1, 5000)', [pid]);

  it('survives a connection ended while checked out with no listener of its caller yet, and discards it', async () => {
    const adapter = await new ResilientPrismaPg({ connectionString: database.url, max: POOL_SIZE }).connect();
    const pool = adapter.underlyingDriver();
    try {
      // The gap a transaction start leaves: the pool no longer listens, the adapter not yet.
      const connection = await pool.connect();
      const ended = new Promise((resolve) => connection.once('end', resolve));
      await terminate((connection as unknown as { processID: number }).processID);
      await ended;
      connection.release();
      expect(pool.totalCount).toBe(0);
      expect((await pool.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    } finally {
      await adapter.dispose();
    }
  });

  /** Ends this transaction's backend from another session, as a server restart would, and waits until it is gone. */
  async function terminateOwnBackend(tx: Parameters<Parameters<Database['client']['$transaction']>[0]>[0]): Promise<void> {
    const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    await terminate(row!.pid);
  }

  it('fails the transaction whose COMMIT cannot be sent, and the pool still serves', async () => {
    for (let n = 0; n < POOL_SIZE + 1; n += 1) {
      await expect(db.client.$transaction(async (tx) => terminateOwnBackend(tx))).rejects.toThrow();
    }
    expect(await db.client.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`).toEqual([{ ok: 1 }]);
  });

  it('fails the transaction whose ROLLBACK cannot be sent, and the pool still serves', async () => {
    for (let n = 0; n < POOL_SIZE + 1; n += 1) {
      const failing = db.client.$transaction(async (tx) => {
        await terminateOwnBackend(tx);
        throw new Error('the work failed after the connection was lost');
      });
      await expect(failing).rejects.toThrow('the work failed after the connection was lost');
    }
    expect(await db.client.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`).toEqual([{ ok: 1 }]);
  });

  it("survives, in the SQL driver beneath Prisma, a transaction's connection ended before Prisma ever connected", async () => {
    const fresh = openDatabase(database.url, { poolSize: POOL_SIZE });
    try {
      for (let n = 0; n < POOL_SIZE + 1; n += 1) {
        const failing = fresh.sql.transaction(async (tx) => {
          const [row] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          await terminate(row!.pid);
          await tx.query('SELECT 1');
        });
        await expect(failing).rejects.toThrow();
      }
      expect(await fresh.sql.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await fresh.close();
    }
  });

  it('writes in a transaction again once the connection is replaced, and closes', async () => {
    const store = await db.client.$transaction((tx) => tx.store.create({ data: { platform: 'shopify', domain: 'after-loss.myshopify.com', installedAt: new Date() } }));
    expect(await db.stores.getStore(store.id)).toMatchObject({ domain: 'after-loss.myshopify.com' });
    await db.close();
  });
});
