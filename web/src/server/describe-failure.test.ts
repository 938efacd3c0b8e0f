import { SqlDriverError } from '@capi-relay/db';

import { describeFailure, failsOnEveryRetry } from './describe-failure';

/** Shaped as Prisma raises them: the class name, a P-code, and a message that may be empty or quote values. */
function prismaError(name: string, code: string | undefined, message: string, cause?: unknown): Error {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.name = name;
  if (code !== undefined) Object.assign(error, { code });
  return error;
}

describe('describeFailure', () => {
  it('logs a Prisma error by its code and meaning, never its message', () => {
    const error = prismaError('PrismaClientKnownRequestError', 'P2024', '\nInvalid `prisma.store.upsert()` invocation: jane.doe@example.com');
    expect(describeFailure(error)).toEqual({
      name: 'PrismaClientKnownRequestError',
      code: 'P2024',
      meaning: 'no database connection was free in time (pool timeout)',
    });
  });

  it('gives the driver adapter\'s kind and the database\'s own code', () => {
    const error = prismaError('DriverAdapterError', undefined, 'invalid byte sequence for encoding "UTF8": 0x00', { kind: 'postgres', code: '22021' });
    expect(describeFailure(error)).toEqual({ name: 'DriverAdapterError', driver: { kind: 'postgres', code: '22021' } });
  });

  it('logs a refusal of a statement run beneath Prisma by the database\'s own code, never its message', () => {
    const pg = new SqlDriverError('postgresql', '22P05', 'unsupported Unicode escape sequence: "jane\\u0000doe"');
    expect(describeFailure(pg)).toEqual({ name: 'SqlDriverError', code: '22P05', meaning: 'a value holds a character PostgreSQL text cannot store (NUL)' });
    const sqlite = new SqlDriverError('sqlite', 'SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed');
    expect(describeFailure(sqlite)).toEqual({ name: 'SqlDriverError', code: 'SQLITE_CONSTRAINT_FOREIGNKEY', meaning: 'a foreign key constraint was violated' });
    expect(describeFailure(new SqlDriverError('sqlite', 'SQLITE_IOERR_FSYNC', '')).meaning).toBe('the database file could not be read or written');
    expect(describeFailure(new SqlDriverError('postgresql', '22P02', 'invalid input syntax for type integer: "jane"')).meaning).toBe('the database refused a value (data exception)');
  });

  it('keeps the first line of any other error, capped', () => {
    expect(describeFailure(new RangeError(`too big\n${'x'.repeat(10)}`))).toEqual({ name: 'RangeError', message: 'too big' });
    expect(describeFailure(new Error('y'.repeat(500))).message).toHaveLength(200);
  });
});

describe('failsOnEveryRetry', () => {
  it('is true for arithmetic beyond the safe range and values the database refuses', () => {
    expect(failsOnEveryRetry(new RangeError('Invalid array length'))).toBe(true);
    expect(failsOnEveryRetry(prismaError('DriverAdapterError', undefined, '', { kind: 'postgres', code: '22021' }))).toBe(true);
    expect(failsOnEveryRetry(prismaError('DriverAdapterError', undefined, '', { kind: 'LengthMismatch', originalCode: '22001' }))).toBe(true);
    expect(failsOnEveryRetry(prismaError('PrismaClientKnownRequestError', 'P2000', ''))).toBe(true);
    expect(failsOnEveryRetry(new SqlDriverError('postgresql', '22P05', ''))).toBe(true);
    expect(failsOnEveryRetry(new SqlDriverError('postgresql', '22021', ''))).toBe(true);
    expect(failsOnEveryRetry(new SqlDriverError('sqlite', 'SQLITE_TOOBIG', ''))).toBe(true);
  });

  it('is false for what a retry can mend', () => {
    expect(failsOnEveryRetry(prismaError('PrismaClientKnownRequestError', 'P2034', ''))).toBe(false);
    expect(failsOnEveryRetry(prismaError('DriverAdapterError', undefined, '', { kind: 'DatabaseNotReachable' }))).toBe(false);
    expect(failsOnEveryRetry(new Error('connection reset'))).toBe(false);
    // As Prisma's P2002: a unique violation is a race a redelivery settles, not a property of the body.
    expect(failsOnEveryRetry(new SqlDriverError('postgresql', '23505', ''))).toBe(false);
    expect(failsOnEveryRetry(new SqlDriverError('sqlite', 'SQLITE_CONSTRAINT_UNIQUE', ''))).toBe(false);
    expect(failsOnEveryRetry(new SqlDriverError('sqlite', 'SQLITE_BUSY', ''))).toBe(false);
  });
});
