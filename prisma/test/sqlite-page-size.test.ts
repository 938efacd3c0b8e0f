/**
 * The outbox's wide rows share 16 KB pages on a new SQLite database (migrate.ts, SQLITE_PAGE_SIZE);
 * a database made before keeps its own page size and its rows.
 */
import BetterSqlite3 from 'better-sqlite3';
import { migrateSqlite, readMigrations, SQLITE_PAGE_SIZE } from '../src/migrate';
import { tempSqliteFile } from './databases';

function pageSize(filePath: string): number {
  const db = new BetterSqlite3(filePath, { readonly: true });
  try {
    return db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('sqlite page size', () => {
  const files = readMigrations('sqlite');

  it('is 16 KB on a database the migrations create', () => {
    const filePath = tempSqliteFile('capi-relay-pages');
    migrateSqlite(filePath, files);
    expect(SQLITE_PAGE_SIZE).toBe(16_384);
    expect(pageSize(filePath)).toBe(SQLITE_PAGE_SIZE);
  });

  it('stays as it was on an existing 4 KB database, which keeps its rows', () => {
    const filePath = tempSqliteFile('capi-relay-pages');
    const old = new BetterSqlite3(filePath);
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.exec(`CREATE TABLE "Earlier" ("id" TEXT); INSERT INTO "Earlier" VALUES ('kept');`);
    old.close();

    migrateSqlite(filePath, files);

    expect(pageSize(filePath)).toBe(4096);
    const db = new BetterSqlite3(filePath, { readonly: true });
    try {
      expect(db.prepare('SELECT "id" FROM "Earlier"').all()).toEqual([{ id: 'kept' }]);
      expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'OutboxEvent'`).get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});
