/**
 * Applies the checked-in migrations at start-up, without the Prisma CLI: each pending
 * `migrations/<provider>/<name>/migration.sql` runs in order, recorded in `_prisma_migrations`
 * exactly as `prisma migrate deploy` records it (sha256 checksum of the file, applied_steps_count 1),
 * so `prisma migrate status` and `deploy` agree with us. All pending migrations run in one
 * transaction under a lock, so two processes starting together cannot both apply them.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { Logger } from '@capi-relay/core';
import { searchPathOption, type DatabaseTarget, type Provider } from './database-target';
import { sqliteTime } from './driver/sqlite-driver';

export const MIGRATIONS_ROOT = path.join(__dirname, '..', 'migrations');

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(provider: Provider, root = MIGRATIONS_ROOT): MigrationFile[] {
  const dir = path.join(root, provider);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

/** The migrations still to apply; refuses a database whose history disagrees with the files. */
export function planMigrations(files: MigrationFile[], applied: AppliedMigration[]): MigrationFile[] {
  const done = new Map<string, AppliedMigration>();
  for (const row of applied) {
    if (row.rolled_back_at != null) continue;
    if (row.finished_at == null) {
      throw new MigrationError(
        `Migration ${row.migration_name} failed earlier and is marked unfinished. Fix the database, then run ` +
          '`npx prisma migrate resolve --config prisma/prisma.config.ts` before starting again.',
      );
    }
    done.set(row.migration_name, row);
  }
  for (const file of files) {
    const row = done.get(file.name);
    if (row && row.checksum !== file.checksum) {
      throw new MigrationError(
        `Migration ${file.name} was edited after it was applied to this database; restore the original file.`,
      );
    }
  }
  return files.filter((file) => !done.has(file.name));
}

const SQLITE_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** The advisory lock key `prisma migrate` takes, so our runner and the CLI also exclude each other. */
const PRISMA_ADVISORY_LOCK = 72707369;

/**
 * An outbox row carries its 1.6 KB payload, so a 4 KB page holds one row and every claim or outcome
 * writes a page per event to the log. On 16 KB pages about six rows share a page, and the rows a
 * claim takes (adjacent in due order) share their writes: a 1,000-event worker round cost 66 ms of
 * SQLite time instead of 112, and ingest was no slower (bench/README.md, 2026-12-02).
 */
export const SQLITE_PAGE_SIZE = 16_384;

export function migrateSqlite(filePath: string, files: MigrationFile[]): string[] {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new BetterSqlite3(filePath, { timeout: 10_000 });
  try {
    // Before the first table, while the file is empty; on an existing database it changes nothing.
    db.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
    // WAL lets the web server read while the worker writes; the setting persists in the file.
    db.pragma('journal_mode = WAL');
    // Prisma's table rebuilds (copy, DROP, RENAME) turn foreign keys off with a pragma that is a
    // no-op inside a transaction, so they must be off before BEGIN: otherwise the DROP fires the
    // ON DELETE actions and empties or unlinks every table that references the rebuilt one.
    db.pragma('foreign_keys = OFF');
    // IMMEDIATE takes the write lock up front: a second process waits here instead of racing.
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(SQLITE_HISTORY_TABLE);
      const applied = db.prepare('SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"').all() as AppliedMigration[];
      const pending = planMigrations(files, applied);
      const insert = db.prepare(
        'INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)',
      );
      for (const file of pending) {
        const startedAt = sqliteTime(new Date());
        db.exec(file.sql);
        insert.run(randomUUID(), file.checksum, sqliteTime(new Date()), file.name, startedAt);
      }
      refuseBrokenReferences(db);
      db.exec('COMMIT');
      return pending.map((file) => file.name);
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.close();
  }
}

/** With foreign keys off, nothing else checks that the migrated rows still reference rows that exist. */
function refuseBrokenReferences(db: BetterSqlite3.Database): void {
  const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (broken.length === 0) return;
  const pairs = [...new Set(broken.map((row) => `${row.table} -> ${row.parent}`))].join(', ');
  throw new MigrationError(
    `Migrations left ${broken.length} rows referencing rows that do not exist (${pairs}); nothing was applied.`,
  );
}

export async function migratePostgres(url: string, schema: string | undefined, files: MigrationFile[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, ...searchPathOption(schema) });
  await client.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT pg_advisory_xact_lock(${PRISMA_ADVISORY_LOCK})`);
      // Under the lock, so two first starts do not race; the history table lives in the schema too.
      if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(POSTGRES_HISTORY_TABLE);
      const { rows } = await client.query<AppliedMigration>(
        'SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"',
      );
      const pending = planMigrations(files, rows);
      for (const file of pending) {
        const startedAt = new Date();
        // No parameters: pg uses the simple protocol, which accepts a multi-statement script.
        await client.query(file.sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, now(), $3, $4, 1)',
          [randomUUID(), file.checksum, file.name, startedAt],
        );
      }
      await client.query('COMMIT');
      return pending.map((file) => file.name);
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    await client.end();
  }
}

/** Applies pending migrations; returns the names applied (empty when the database is current). */
export async function migrateDatabase(target: DatabaseTarget, logger: Logger): Promise<string[]> {
  const files = readMigrations(target.provider);
  const applied =
    target.provider === 'sqlite' ? migrateSqlite(target.filePath, files) : await migratePostgres(target.url, target.schema, files);
  if (applied.length > 0) logger.info({ provider: target.provider, migrations: applied }, 'database migrated');
  return applied;
}
