import type Database from 'better-sqlite3';
import type { AsyncLock } from './async-lock';
import type { SqlDriver, SqlTransaction, SqlValue } from './sql-driver';
import { driverError } from './sql-error';
import { createWalSync, type SyncFile, type WalSync } from './wal-sync';

/** The text Prisma's SQLite adapter writes for a DateTime, so both write paths compare alike. */
export function sqliteTime(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

/** better-sqlite3 throws synchronously; its errors leave as SqlDriverError (sql-error.ts). */
function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw driverError('sqlite', error);
  }
}

function bindable(value: SqlValue): string | number | bigint | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return sqliteTime(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

interface Prepared {
  statement: Database.Statement;
  /** For each `?` in order, the index into the caller's parameter list. */
  order: number[];
}

/** `$n` -> `?` (better-sqlite3 binds no numbered parameters), remembering which value each takes. */
function toSqlite(text: string): { text: string; order: number[] } {
  const order: number[] = [];
  const rewritten = text.replace(/\$(\d+)/g, (_match, index: string) => {
    order.push(Number(index) - 1);
    return '?';
  });
  return { text: rewritten, order };
}

export interface SqliteConnection {
  database: Database.Database;
  /** Shared with the Prisma adapter's transactions on the same connection. */
  lock: AsyncLock;
}

export interface SqliteDriverOptions {
  /** How the write-ahead log is synced (wal-sync.ts); tests hold a sync open or make it fail. */
  syncFile?: SyncFile;
}

/** A connection opened on a database in WAL mode, whose log wal-sync.ts can sync. */
function walSyncFor(database: Database.Database, syncFile: SyncFile | undefined): WalSync | undefined {
  const mode = guarded(() => database.pragma('journal_mode', { simple: true }));
  return mode === 'wal' ? createWalSync(database.name, syncFile) : undefined;
}

export interface SqliteDriver extends SqlDriver {
  /** Closes the log's descriptor; the connection itself is Prisma's to close. */
  close(): void;
}

export function createSqliteDriver(connect: () => Promise<SqliteConnection>, options: SqliteDriverOptions = {}): SqliteDriver {
  // better-sqlite3 prepares per call unless a statement is kept; the hot statements are few and fixed.
  let statements = new Map<string, Prepared>();
  let preparedOn: Database.Database | undefined;
  let walSync: WalSync | undefined;
  let savepoints = 0;

  /** Statements and the log's descriptor belong to one connection; Prisma may open a new one. */
  function adopt(database: Database.Database): void {
    if (database === preparedOn) return;
    statements = new Map();
    walSync?.close();
    walSync = walSyncFor(database, options.syncFile);
    preparedOn = database;
  }

  async function prepared(text: string): Promise<Prepared> {
    const { database } = await connect();
    adopt(database);
    let entry = statements.get(text);
    if (!entry) {
      const sqlite = toSqlite(text);
      const statement = guarded(() => database.prepare(sqlite.text));
      if (statement.reader) statement.safeIntegers(false);
      entry = { statement, order: sqlite.order };
      statements.set(text, entry);
    }
    return entry;
  }

  function bound(entry: Prepared, params: readonly SqlValue[]): Array<string | number | bigint | null> {
    return entry.order.map((index) => bindable(params[index]));
  }

  const queryable = {
    async query<Row extends object>(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
      const entry = await prepared(text);
      return guarded(() => entry.statement.all(...bound(entry, params)) as Row[]);
    },
    async run(text: string, params: readonly SqlValue[] = []): Promise<number> {
      const entry = await prepared(text);
      return guarded(() => entry.statement.run(...bound(entry, params)).changes);
    },
  };

  const transaction: SqlTransaction = {
    ...queryable,
    async savepoint(work) {
      const name = `sp${(savepoints += 1)}`;
      const { database } = await connect();
      guarded(() => database.exec(`SAVEPOINT ${name}`));
      try {
        const result = await work();
        guarded(() => database.exec(`RELEASE ${name}`));
        return result;
      } catch (error) {
        guarded(() => database.exec(`ROLLBACK TO ${name}; RELEASE ${name}`));
        throw error;
      }
    },
  };

  return {
    provider: 'sqlite',
    ...queryable,
    async transaction(work) {
      const { database, lock } = await connect();
      adopt(database);
      const log = walSync;
      const release = await lock.acquire();
      let result: Awaited<ReturnType<typeof work>>;
      try {
        // The log is synced after the lock is released, off the loop (wal-sync.ts); Prisma's own
        // transactions keep the connection's FULL.
        if (log) guarded(() => database.exec('PRAGMA synchronous = NORMAL'));
        try {
          // IMMEDIATE: the write lock up front, so another process's write cannot void this one's reads.
          guarded(() => database.exec('BEGIN IMMEDIATE'));
          result = await work(transaction);
          guarded(() => database.exec('COMMIT'));
        } catch (error) {
          if (database.inTransaction) database.exec('ROLLBACK');
          throw error;
        } finally {
          if (log) guarded(() => database.exec('PRAGMA synchronous = FULL'));
        }
      } finally {
        release();
      }
      // A failed sync is not a refusal by the database: it leaves as the file system's own error.
      if (log) await log.sync();
      return result;
    },
    close() {
      walSync?.close();
      walSync = undefined;
      preparedOn = undefined;
    },
  };
}
