/**
 * Prisma clients over driver adapters (no engine binaries): better-sqlite3 for SQLite, pg for
 * PostgreSQL. Each provider has its own generated client, both from the same models, so the store
 * code is written once against the SQLite client's types.
 *
 * Every write goes through `Db.write`, never a bare client call:
 * - the SQLite adapter shares ONE connection and serializes only transactions, so a bare write issued
 *   while another transaction is open would join it (and vanish if it rolls back);
 * - the adapter opens transactions with a deferred BEGIN. When the web server and the worker run as
 *   two processes on one SQLite file, a transaction that reads first and writes later fails with
 *   SQLITE_BUSY_SNAPSHOT if the other process wrote in between. `write` therefore starts every SQLite
 *   transaction with a no-op UPDATE, which takes the write lock up front (waiting up to the busy
 *   timeout), as BEGIN IMMEDIATE would.
 * On PostgreSQL `write` is a plain interactive transaction.
 *
 * `sql` runs statements beneath Prisma on the same connection (SQLite) or pool (PostgreSQL).
 */
import pg from 'pg';
import { Prisma, PrismaClient as SqliteClient } from '../generated/sqlite';
import { PrismaClient as PostgresClient } from '../generated/postgresql';
import { searchPathOption, type DatabaseTarget, type Provider } from './database-target';
import { createPgDriver } from './driver/pg-driver';
import type { SqlDriver } from './driver/sql-driver';
import { createSqliteDriver } from './driver/sqlite-driver';
import { guardPoolConnections, ResilientPrismaPg } from './pg-adapter';
import { createSqliteAdapter } from './sqlite-adapter';

export type DbClient = SqliteClient;
export type Tx = Prisma.TransactionClient;
export { Prisma };

export interface ClientOptions {
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

const TRANSACTION_OPTIONS = {
  // SQLite queues transactions behind one connection; a busy worker plus webhooks must not time out waiting.
  maxWait: 10_000,
  timeout: 20_000,
};

export interface Db {
  provider: Provider;
  /** For reads. */
  client: DbClient;
  /** Runs `work` in a transaction that may write (see the file comment). */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** SQL beneath Prisma on the same connections, for the hot paths only (driver/sql-driver.ts). */
  sql: SqlDriver;
  close(): Promise<void>;
}

/**
 * How long a query waits for a pooled PostgreSQL connection (pg waits forever by default): a pool
 * that cannot be served in this time (server unreachable, every connection busy) fails the query,
 * which the route answers with a 500 that Shopify retries, instead of holding the request open.
 */
const CONNECT_TIMEOUT_MS = 10_000;

/** Matches no row, but executing it takes SQLite's write lock; the table exists once migrated. */
const TAKE_SQLITE_WRITE_LOCK = 'UPDATE "_prisma_migrations" SET "id" = "id" WHERE 0 = 1';

export function createDb(target: DatabaseTarget, options: ClientOptions = {}): Db {
  if (target.provider === 'postgresql') {
    // One pool for Prisma and the SQL driver, so the pool size bounds both.
    const pool = new pg.Pool({
      connectionString: target.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      ...searchPathOption(target.schema),
    });
    guardPoolConnections(pool);
    // Prisma qualifies its own queries with `schema`; the search path covers the stores' raw SQL.
    const adapter = new ResilientPrismaPg(pool, target.schema === undefined ? undefined : { schema: target.schema });
    // Same models, same delegate shapes: the PostgreSQL client is used through the SQLite client's type.
    const client = new PostgresClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }) as unknown as DbClient;
    return {
      provider: target.provider,
      client,
      write: (work) => client.$transaction(work),
      sql: createPgDriver(pool),
      async close() {
        await client.$disconnect();
        await pool.end();
      },
    };
  }
  let client: DbClient | undefined;
  const sqlite = createSqliteAdapter(target.filePath, () => (client as DbClient).$connect());
  client = new SqliteClient({ adapter: sqlite.factory, transactionOptions: TRANSACTION_OPTIONS });
  const sqliteClient = client;
  const sql = createSqliteDriver(() => sqlite.connection());
  return {
    provider: target.provider,
    client: sqliteClient,
    write: (work) =>
      sqliteClient.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(TAKE_SQLITE_WRITE_LOCK);
        return work(tx);
      }),
    sql,
    close: async () => {
      await sqliteClient.$disconnect();
      sql.close();
    },
  };
}

/** True for a unique-constraint violation (P2002), whichever generated client raised it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/**
 * Runs an upsert again when a concurrent writer inserted the same key first: Prisma's upsert may
 * read-then-insert, and the loser of that race gets P2002. The second run finds the row and updates it.
 */
export async function retryOnUniqueViolation<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return operation();
  }
}
