/**
 * Whether a failure to store a webhook is worth Shopify's retry. Log fields for failures come from
 * core's describeFailure (codes, never a database's message).
 */
import { databaseDriverOf } from '@capi-relay/core';

/** PostgreSQL's class 22 (data exception): the value itself is wrong, so a retry fails the same way. */
const POSTGRES_DATA_EXCEPTION = /^22/;
/** Prisma's codes for a value the database cannot take. */
const PRISMA_VALUE_CODES = new Set(['P2000', 'P2006', 'P2007', 'P2019', 'P2020', 'P2023']);

/**
 * True when the same input would fail the same way on every retry: arithmetic beyond the safe range,
 * a value the database cannot store. Connection, timeout and conflict errors are not: those pass.
 */
export function failsOnEveryRetry(error: unknown): boolean {
  if (error instanceof RangeError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && PRISMA_VALUE_CODES.has(code)) return true;
  const driverCode = databaseDriverOf(error)?.code;
  return driverCode !== undefined && POSTGRES_DATA_EXCEPTION.test(driverCode);
}
