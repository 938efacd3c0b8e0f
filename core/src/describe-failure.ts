/**
 * A failure as log fields an operator can act on, and nothing a customer could be identified by:
 * for every log line of the app and the delivery worker that carries an error.
 * Prisma's own messages are often empty on the first line or go on to quote the values of the
 * query (emails, tokens), so for database errors only the code and what it means are kept: Prisma's
 * P-code, or the driver adapter's kind and the database's own SQLSTATE.
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
