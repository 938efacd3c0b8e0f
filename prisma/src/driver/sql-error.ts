/**
 * What the SQL driver throws when the database refuses a statement: one Error class for both
 * databases, carrying the database's own code (SQLite's extended result code, PostgreSQL's
 * SQLSTATE), so callers classify failures without knowing the driver. better-sqlite3's own
 * SqliteError is not a real Error object (it is built with Error.call), which `instanceof`-free
 * checks and test matchers do not recognise; pg's carries the code but names itself "error".
 */
import type { Provider } from '../database-target';

export class SqlDriverError extends Error {
  override readonly name = 'SqlDriverError';

  constructor(
    readonly provider: Provider,
    /** `SQLITE_CONSTRAINT_FOREIGNKEY`, or a SQLSTATE such as `23503`. */
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}

/** A database refusal as SqlDriverError; anything else (a broken connection, a bug) unchanged. */
export function driverError(provider: Provider, error: unknown): unknown {
  if (error instanceof SqlDriverError) return error;
  const code = codeOf(error);
  const fromDatabase = code !== undefined && (provider === 'sqlite' ? code.startsWith('SQLITE_') : SQLSTATE.test(code));
  return fromDatabase ? new SqlDriverError(provider, code, messageOf(error), { cause: error }) : error;
}
