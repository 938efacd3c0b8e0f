/**
 * SQL beneath Prisma, on the connection Prisma itself uses: for the few hot statements (webhook
 * ingest, worker claims and outcomes) where Prisma 6.19's per-call cost (a query plan compiled per
 * call, about 1 ms of CPU) dominates. Prisma stays the owner of the schema, the migrations and every
 * cold path; prisma/README.md lists the statements that come through here.
 *
 * Statements are written once, with PostgreSQL's `$1` placeholders; the SQLite driver rewrites them
 * to SQLite's numbered `?1`. Values cross in one encoding on both databases: a Date goes in as the
 * text Prisma itself writes, and a timestamp column is read back with `readTime`.
 */
import type { Provider } from '../database-target';

/** What a statement binds. `undefined` is bound as NULL. */
export type SqlValue = string | number | bigint | boolean | Date | null | undefined;

export interface SqlQueryable {
  /** Rows of a statement that returns rows (SELECT, or any statement with RETURNING). */
  query<Row extends object>(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(text: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlTransaction extends SqlQueryable {
  /**
   * Runs `work` inside a savepoint: when it throws, only its own writes are undone and the
   * transaction goes on (the error is rethrown for the caller to attribute).
   */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
}

export interface SqlDriver extends SqlQueryable {
  provider: Provider;
  /**
   * One write transaction. On SQLite it takes the write lock up front and waits for any open Prisma
   * transaction (they share one connection, so they must not interleave). It resolves once what it
   * wrote is on disk.
   */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
}

/** A timestamp column as a driver returns it (a Date from pg, Prisma's ISO text from SQLite). */
export function readTime(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') return new Date(value);
  throw new TypeError(`Expected a timestamp column, got ${typeof value}`);
}
