/**
 * Prisma clients over driver adapters (no engine binaries): better-sqlite3 for SQLite, pg for
 * PostgreSQL. Each provider has its own generated client, both from the same models, so the store
 * code is written once against the SQLite client's types.
 *
 * Every write goes through `$transaction`: the SQLite adapter shares ONE connection and serializes
 * only transactions, so a bare write issued while another transaction is open would join it (and
 * vanish if it rolls back). On PostgreSQL this costs a BEGIN/COMMIT and changes nothing else.
 */
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient as SqliteClient } from '../generated/sqlite';
import { Prisma as PostgresPrisma, PrismaClient as PostgresClient } from '../generated/postgresql';
import type { DatabaseTarget, Provider } from './database-target';

export type DbClient = SqliteClient;
export type Tx = Prisma.TransactionClient;
export { Prisma };

/**
 * A raw SQL fragment for composing into `$queryRaw` templates. It must come from the same generated
 * client that runs the query: a fragment from the other client is bound as a parameter, not spliced.
 */
export function sqlFragment(provider: Provider, text: string): Prisma.Sql {
  return provider === 'postgresql' ? (PostgresPrisma.raw(text) as unknown as Prisma.Sql) : Prisma.raw(text);
}

export interface ClientOptions {
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

const TRANSACTION_OPTIONS = {
  // SQLite queues transactions behind one connection; a busy worker plus webhooks must not time out waiting.
  maxWait: 10_000,
  timeout: 20_000,
};

export function createClient(target: DatabaseTarget, options: ClientOptions = {}): DbClient {
  if (target.provider === 'sqlite') {
    // better-sqlite3's `timeout` is SQLite's busy timeout: wait for another process's write lock.
    const adapter = new PrismaBetterSQLite3({ url: `file:${target.filePath}`, timeout: 5_000 });
    return new SqliteClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  }
  const adapter = new PrismaPg({ connectionString: target.url, max: options.poolSize ?? 10 });
  // Same models, same delegate shapes: the PostgreSQL client is used through the SQLite client's type.
  return new PostgresClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }) as unknown as DbClient;
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
