/**
 * The server closing idle pooled connections (a restart, a failover, an administrator) does not end
 * the process: the pool drops them and opens new ones for the next statements.
 */
import pg from 'pg';
import { openDatabase, type Database } from '../src';
import { createTestDatabase, PROVIDERS, type TestDatabase } from './databases';

const describePostgres = PROVIDERS.includes('postgresql') ? describe : describe.skip;

describePostgres('PostgreSQL pool', () => {
  let host: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    host = await createTestDatabase('postgresql');
    db = openDatabase(host.url);
  });
  afterAll(async () => {
    await db.close();
    await host.drop();
  });

  it('survives the server terminating its idle connections, and goes on with new ones', async () => {
    expect(await db.sql.query('SELECT 1 AS "one"')).toEqual([{ one: 1 }]);
    const name = new URL(host.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: host.url });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend("pid") FROM pg_stat_activity WHERE "datname" = $1 AND "pid" <> pg_backend_pid()', [name]);
    } finally {
      await admin.end();
    }
    // The terminated connections' errors arrive as events on the idle clients; unheard, they end the process.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db.sql.query('SELECT 1 AS "one"')).toEqual([{ one: 1 }]);
  });
});
