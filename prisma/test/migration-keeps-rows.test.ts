/**
 * An install that already holds data must keep every row through the migrations that rebuild a
 * table (SQLite has no ALTER for most changes: copy, DROP, RENAME). With foreign keys on, the DROP
 * fires ON DELETE CASCADE / SET NULL on the tables that reference the dropped one.
 */
import BetterSqlite3 from 'better-sqlite3';
import { MigrationError, migrateSqlite, readMigrations } from '../src/migrate';
import { tempSqliteFile } from './databases';

const FIRST_REBUILD = '20261201194109_browser_half';

/** Rows as an install running the migrations before the first rebuild wrote them. */
function populate(filePath: string): void {
  const db = new BetterSqlite3(filePath);
  try {
    db.exec(`
      INSERT INTO "Store" ("id", "platform", "domain", "installedAt", "updatedAt")
        VALUES ('store-1', 'shopify', 'shop-a.myshopify.com', 0, 0);
      INSERT INTO "PixelConfig" ("id", "storeId", "pixelId", "updatedAt") VALUES ('pixel-1', 'store-1', '1234567890', 0);
      INSERT INTO "OutboxEvent" ("id", "storeId", "pixelConfigId", "pixelKey", "eventName", "eventId", "sourceId", "eventTime",
          "payload", "status", "userDataKeys", "updatedAt")
        VALUES ('event-1', 'store-1', 'pixel-1', 'pixel-1', 'Purchase', 'order-1', 'order-1', 0, '{"event_name":"Purchase"}', 'sent', '[]', 0);
      INSERT INTO "DeliveryAttempt" ("id", "outboxEventId", "attemptedAt", "outcome") VALUES ('attempt-1', 'event-1', 0, 'sent');
    `);
  } finally {
    db.close();
  }
}

function read(filePath: string) {
  const db = new BetterSqlite3(filePath, { readonly: true });
  try {
    return {
      pixels: db.prepare('SELECT "id" FROM "PixelConfig"').all(),
      events: db.prepare('SELECT "id", "pixelConfigId" FROM "OutboxEvent"').all(),
      attempts: db.prepare('SELECT "id", "outboxEventId" FROM "DeliveryAttempt"').all(),
      payloads: db.prepare('SELECT "id", "payload" FROM "OutboxPayload"').all(),
    };
  } finally {
    db.close();
  }
}

describe('sqlite migrations on a populated install', () => {
  const files = readMigrations('sqlite');
  const rebuildAt = files.findIndex((file) => file.name === FIRST_REBUILD);

  it('keep pixels, their events and the events\' delivery attempts through every table rebuild', () => {
    expect(rebuildAt).toBeGreaterThan(0);
    const filePath = tempSqliteFile('capi-relay-migrate');
    migrateSqlite(filePath, files.slice(0, rebuildAt));
    populate(filePath);

    expect(migrateSqlite(filePath, files)).toEqual(files.slice(rebuildAt).map((file) => file.name));

    expect(read(filePath)).toEqual({
      pixels: [{ id: 'pixel-1' }],
      events: [{ id: 'event-1', pixelConfigId: 'pixel-1' }],
      attempts: [{ id: 'attempt-1', outboxEventId: 'event-1' }],
      payloads: [{ id: 'event-1', payload: '{"event_name":"Purchase"}' }],
    });
  });

  it('refuse a migration that leaves a reference broken, and apply none of the batch', () => {
    const filePath = tempSqliteFile('capi-relay-migrate');
    migrateSqlite(filePath, files);
    const orphaning = { name: '29990101000000_orphaning', sql: `INSERT INTO "PixelConfig" ("id", "storeId", "updatedAt") VALUES ('p', 'no-such-store', 0);`, checksum: 'x' };
    const harmless = { name: '29990101000001_harmless', sql: 'CREATE TABLE "Harmless" ("id" TEXT);', checksum: 'y' };

    expect(() => migrateSqlite(filePath, [...files, orphaning, harmless])).toThrow(MigrationError);
    expect(() => migrateSqlite(filePath, [...files, orphaning, harmless])).toThrow(/PixelConfig -> Store/);

    const db = new BetterSqlite3(filePath, { readonly: true });
    try {
      expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'Harmless'`).get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM "PixelConfig"').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
