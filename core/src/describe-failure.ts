/**
 * A failure as log fields an operator can act on, and nothing a customer could be identified by:
 * for every log line of the app and the delivery worker that carries an error.
 * Prisma's own messages are often empty on the first line or go on to quote the values of the
 * query (emails, tokens), so for database errors only the code and what it means are kept: Prisma's
 * P-code, or the driver adapter's kind and the database's own SQLSTATE, or, for the statements run
 * beneath Prisma (the db package's SqlDriverError), SQLite's result code or PostgreSQL's SQLSTATE.
 */

/** Prisma error codes this app can meet, in words (https://www.prisma.io/docs/orm/reference/error-reference). */
const PRISMA_CODES: Record<string, string> = {
  P1001: 'the database server cannot be reached',
  P1008: 'a database operation timed out',
  P1017: 'the database server closed the connection',
  P2000: 'a value is too long for its column',
  P2002: 'a unique constraint was violated',
  P2003: 'a foreign key constraint was violated',
  P2010: 'a raw query failed',
  P2024: 'no database connection was free in time (pool timeout)',
  P2025: 'a record the operation needs does not exist',
  P2028: 'a transaction failed (expired, or closed before its query)',
  P2034: 'a transaction failed on a write conflict or deadlock; it can be retried',
};

/** The SQL driver's codes this app can meet (SQLite result codes, PostgreSQL SQLSTATEs), in words. */
const DRIVER_CODES: Record<string, string> = {
  SQLITE_BUSY: 'the database is locked by another process (busy timeout)',
  SQLITE_CONSTRAINT_UNIQUE: 'a unique constraint was violated',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'a unique constraint was violated',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'a foreign key constraint was violated',
  SQLITE_CONSTRAINT_NOTNULL: 'a required column was null',
  SQLITE_TOOBIG: 'a value is too long for the database',
  SQLITE_MISMATCH: 'a value has the wrong type for its column',
  SQLITE_FULL: 'the disk is full',
  SQLITE_IOERR: 'the database file could not be read or written',
  '23505': 'a unique constraint was violated',
  '23503': 'a foreign key constraint was violated',
  '23502': 'a required column was null',
  '22P05': 'a value holds a character PostgreSQL text cannot store (NUL)',
  '22021': 'a value is not valid UTF-8 (invalid byte sequence)',
  '22001': 'a value is too long for its column',
  '40001': 'a transaction failed on a serialization conflict; it can be retried',
  '40P01': 'a transaction was chosen as a deadlock victim; it can be retried',
  '53300': 'the database server has no connection slot free',
  '57P01': 'the database server is shutting down',
};

/** PostgreSQL's class 22 (data exception): the value itself is wrong, so a retry fails the same way. */
export const POSTGRES_DATA_EXCEPTION = /^22/;

/** A refused statement of the SQL driver beneath Prisma, by its shape (core does not depend on the db package). */
export interface SqlStatementFailure {
  name: 'SqlDriverError';
  provider: 'sqlite' | 'postgresql';
  code: string;
}

export function isSqlStatementFailure(error: unknown): error is SqlStatementFailure {
  if (typeof error !== 'object' || error === null) return false;
  const like = error as { name?: unknown; provider?: unknown; code?: unknown };
  return like.name === 'SqlDriverError' && (like.provider === 'sqlite' || like.provider === 'postgresql') && typeof like.code === 'string';
}

/** SQLite's extended codes fall back to their primary code's meaning, SQLSTATEs to their class. */
function driverMeaning(error: SqlStatementFailure): string {
  const exact = DRIVER_CODES[error.code];
  if (exact) return exact;
  if (error.provider === 'sqlite') return DRIVER_CODES[error.code.split('_').slice(0, 2).join('_')] ?? "see SQLite's result codes";
  if (POSTGRES_DATA_EXCEPTION.test(error.code)) return 'the database refused a value (data exception)';
  return "see PostgreSQL's error codes (SQLSTATE)";
}

export interface FailureFields {
  name: string;
  code?: string;
  meaning?: string;
  /** The driver adapter's classification and the database's own error code, when it has them. */
  driver?: { kind?: string; code?: string };
  /** First line of a non-database error's message, capped. */
  message?: string;
}

const MAX_MESSAGE = 200;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The driver adapter's classification of a database error and the database's own code, when it has them. */
export function databaseDriverOf(error: unknown): FailureFields['driver'] | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const cause = (error as ErrorLike).cause as { kind?: unknown; originalCode?: unknown; code?: unknown } | undefined;
  if (typeof cause !== 'object' || cause === null || typeof cause.kind !== 'string') return undefined;
  const code = typeof cause.originalCode === 'string' ? cause.originalCode : typeof cause.code === 'string' ? cause.code : undefined;
  return { kind: cause.kind, ...(code === undefined ? {} : { code }) };
}

function isDatabaseError(name: string): boolean {
  return name.startsWith('PrismaClient') || name === 'DriverAdapterError' || name === 'SqliteError';
}

export function describeFailure(error: unknown): FailureFields {
  if (isSqlStatementFailure(error)) return { name: error.name, code: error.code, meaning: driverMeaning(error) };
  if (typeof error !== 'object' || error === null) return { name: typeof error };
  const like = error as ErrorLike;
  const name = typeof like.name === 'string' ? like.name : 'Error';
  const code = typeof like.code === 'string' ? like.code : undefined;
  const driver = databaseDriverOf(like);
  if (isDatabaseError(name)) {
    return {
      name,
      ...(code === undefined ? {} : { code, meaning: PRISMA_CODES[code] ?? 'see the Prisma error reference' }),
      ...(driver ? { driver } : {}),
    };
  }
  const firstLine = typeof like.message === 'string' ? (like.message.split('\n')[0] ?? '').slice(0, MAX_MESSAGE) : undefined;
  return { name, ...(code === undefined ? {} : { code }), ...(firstLine ? { message: firstLine } : {}) };
}
