/**
 * The outbox's wide rows share 16 KB pages on a new SQLite database (migrate.ts, SQLITE_PAGE_SIZE);
 * a database made before keeps its own page size and its rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrateSqlite, readMigrations, SQLITE_PAGE_SIZE } from '../src/migrate';

function tempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'capi-relay-pages-')), 'install.sqlite');
}

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
    const filePath = tempFile();
    migrateSqlite(filePath, files);
    expect(SQLITE_PAGE_SIZE).toBe(16_384);
    expect(pageSize(filePath)).toBe(SQLITE_PAGE_SIZE);
  });

  it('stays as it was on an existing 4 KB database, which keeps its rows', () => {
    const filePath = tempFile();
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
