/**
 * `outbox_payload` moves every outbox row's payload into OutboxPayload before it drops the column:
 * an install upgrading with events still queued sends them with their payloads.
 */
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { migratePostgres, migrateSqlite, readMigrations, type MigrationFile } from '../src/migrate';
import { createTestDatabase, PROVIDERS, tempSqliteFile } from './databases';

const PAYLOAD_MIGRATION = '_outbox_payload';
const PAYLOAD = '{"event_name":"Purchase","event_id":"order-1"}';

const ROWS = `
  INSERT INTO "Store" ("id", "platform", "domain", "installedAt", "updatedAt") VALUES ('store-1', 'shopify', 'shop-a.myshopify.com', $1, $1);
  INSERT INTO "PixelConfig" ("id", "storeId", "pixelId", "updatedAt") VALUES ('pixel-1', 'store-1', '1234567890', $1);
  INSERT INTO "OutboxEvent" ("id", "storeId", "pixelConfigId", "pixelKey", "eventName", "eventId", "sourceId", "eventTime",
      "payload", "status", "userDataKeys", "updatedAt")
    VALUES ('event-1', 'store-1', 'pixel-1', 'pixel-1', 'Purchase', 'order-1', 'order-1', $1, '${PAYLOAD}', 'queued', '[]', $1);`;

const SELECT_PAYLOADS = 'SELECT "id", "payload" FROM "OutboxPayload"';

async function onSqlite(before: MigrationFile[], all: MigrationFile[]): Promise<unknown[]> {
  const filePath = tempSqliteFile('capi-relay-payload');
  migrateSqlite(filePath, before);
  const db = new BetterSqlite3(filePath);
  db.exec(ROWS.replaceAll('$1', "'2026-12-01 00:00:00'"));
  db.close();
  migrateSqlite(filePath, all);
  const after = new BetterSqlite3(filePath, { readonly: true });
  try {
    return after.prepare(SELECT_PAYLOADS).all();
  } finally {
    after.close();
  }
}

async function onPostgres(before: MigrationFile[], all: MigrationFile[]): Promise<unknown[]> {
  const database = await createTestDatabase('postgresql', { migrate: false });
  try {
    await migratePostgres(database.url, undefined, before);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(ROWS.replaceAll('$1', "'2026-12-01 00:00:00'"));
      await migratePostgres(database.url, undefined, all);
      return (await client.query(SELECT_PAYLOADS)).rows;
    } finally {
      await client.end();
    }
  } finally {
    await database.drop();
  }
}

describe.each(PROVIDERS)('the outbox_payload migration on %s', (provider) => {
  it('moves a queued row\'s payload into OutboxPayload', async () => {
    const all = readMigrations(provider);
    const at = all.findIndex((file) => file.name.endsWith(PAYLOAD_MIGRATION));
    expect(at).toBeGreaterThan(0);
    const run = provider === 'sqlite' ? onSqlite : onPostgres;
    expect(await run(all.slice(0, at), all)).toEqual([{ id: 'event-1', payload: PAYLOAD }]);
  });
});
