/**
 * Whether a failure to store a webhook is worth Shopify's retry. Log fields for failures come from
 * core's describeFailure (codes, never a database's message).
 */
import { databaseDriverOf, isSqlStatementFailure, POSTGRES_DATA_EXCEPTION } from '@capi-relay/core';

/** Prisma's codes for a value the database cannot take. */
const PRISMA_VALUE_CODES = new Set(['P2000', 'P2006', 'P2007', 'P2019', 'P2020', 'P2023']);
/** SQLite's, from the SQL driver: a string or blob over SQLite's limit, a value of the wrong type. */
const SQLITE_VALUE_CODES = new Set(['SQLITE_TOOBIG', 'SQLITE_MISMATCH']);

/**
 * True when the same input would fail the same way on every retry: arithmetic beyond the safe range,
 * a value the database cannot store. Connection, timeout and conflict errors are not: those pass.
 */
export function failsOnEveryRetry(error: unknown): boolean {
  if (error instanceof RangeError) return true;
  if (isSqlStatementFailure(error)) return error.provider === 'sqlite' ? SQLITE_VALUE_CODES.has(error.code) : POSTGRES_DATA_EXCEPTION.test(error.code);
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && PRISMA_VALUE_CODES.has(code)) return true;
  const driverCode = databaseDriverOf(error)?.code;
  return driverCode !== undefined && POSTGRES_DATA_EXCEPTION.test(driverCode);
}
