import type Database from 'better-sqlite3';
import type { AsyncLock } from './async-lock';
import type { SqlDriver, SqlTransaction, SqlValue } from './sql-driver';
import { driverError } from './sql-error';

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

export function createSqliteDriver(connect: () => Promise<SqliteConnection>): SqlDriver {
  // better-sqlite3 prepares per call unless a statement is kept; the hot statements are few and fixed.
  let statements = new Map<string, Prepared>();
  let preparedOn: Database.Database | undefined;
  let savepoints = 0;

  async function prepared(text: string): Promise<Prepared> {
    const { database } = await connect();
    if (database !== preparedOn) {
      // Prisma opened a new connection (after a disconnect): statements belong to the old one.
      statements = new Map();
      preparedOn = database;
    }
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
      const release = await lock.acquire();
      try {
        // IMMEDIATE: the write lock up front, so another process's write cannot void this one's reads.
        guarded(() => database.exec('BEGIN IMMEDIATE'));
        try {
          const result = await work(transaction);
          guarded(() => database.exec('COMMIT'));
          return result;
        } catch (error) {
          if (database.inTransaction) database.exec('ROLLBACK');
          throw error;
        }
      } finally {
        release();
      }
    },
  };
}
