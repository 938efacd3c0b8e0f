/**
 * `?schema=` keeps our tables in their own PostgreSQL schema, so they can live in another
 * application's database (the Medusa plugin's default) without touching its `public` tables.
 */
import { newEvent } from '@capi-relay/core/testing';
import { openDatabase, type Database } from '../src';
import { createTestDatabase, PROVIDERS, type TestDatabase } from './databases';

const describePostgres = PROVIDERS.includes('postgresql') ? describe : describe.skip;

describePostgres('PostgreSQL with ?schema=', () => {
  let host: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    host = await createTestDatabase('postgresql', { migrate: false });
    db = openDatabase(`${host.url}?schema=capi_relay`);
  });

  afterAll(async () => {
    await db.close();
    await host.drop();
  });

  it('migrates into the schema, leaving public empty, and migrating again applies nothing', async () => {
    expect((await db.migrate()).length).toBeGreaterThan(0);
    const tables = await host.db.client.$queryRawUnsafe<{ table_schema: string }[]>(
      `SELECT DISTINCT "table_schema"::text AS "table_schema" FROM information_schema.tables WHERE "table_name" IN ('Store', 'OutboxEvent', '_prisma_migrations')`,
    );
    expect(tables.map((row) => row.table_schema)).toEqual(['capi_relay']);
    expect(await db.migrate()).toEqual([]);
  });

  it('serves the stores, raw SQL included, from the schema', async () => {
    const store = await db.stores.ensureStore('medusa', 'shop.example.com');
    const pixel = await db.pixels.upsertForStore(store.id, { pixelId: '1234567890', accessTokenCiphertext: 'v1:x' });
    expect(await db.outbox.record(null, [newEvent(store.id, pixel.id, 1)])).toMatchObject({ inserted: 1 });
    const claimed = await db.outbox.claimDue({ workerId: 'w', now: new Date('2030-01-01T00:00:00Z'), limit: 10, leaseMs: 60_000 });
    expect(claimed.flatMap((batch) => batch.events)).toHaveLength(1);
  });
});
