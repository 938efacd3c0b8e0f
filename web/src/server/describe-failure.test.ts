import { describeFailure } from '@capi-relay/core';
import { databaseError } from '@capi-relay/core/testing';
import { SqlDriverError } from '@capi-relay/db';

import { failsOnEveryRetry } from './describe-failure';

describe("describeFailure of the SQL driver's errors", () => {
  it("logs a refusal of a statement run beneath Prisma by the database's own code, never its message", () => {
    const pg = new SqlDriverError('postgresql', '22P05', 'unsupported Unicode escape sequence: "jane\\u0000doe"');
    expect(describeFailure(pg)).toEqual({ name: 'SqlDriverError', code: '22P05', meaning: 'a value holds a character PostgreSQL text cannot store (NUL)' });
    const sqlite = new SqlDriverError('sqlite', 'SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed');
    expect(describeFailure(sqlite)).toEqual({ name: 'SqlDriverError', code: 'SQLITE_CONSTRAINT_FOREIGNKEY', meaning: 'a foreign key constraint was violated' });
    expect(describeFailure(new SqlDriverError('sqlite', 'SQLITE_IOERR_FSYNC', '')).meaning).toBe('the database file could not be read or written');
    expect(describeFailure(new SqlDriverError('postgresql', '22P02', 'invalid input syntax for type integer: "jane"')).meaning).toBe('the database refused a value (data exception)');
  });
});

describe('failsOnEveryRetry', () => {
  it('is true for arithmetic beyond the safe range and values the database refuses', () => {
    expect(failsOnEveryRetry(new RangeError('Invalid array length'))).toBe(true);
    expect(failsOnEveryRetry(databaseError('DriverAdapterError', undefined, '', { kind: 'postgres', code: '22021' }))).toBe(true);
    expect(failsOnEveryRetry(databaseError('DriverAdapterError', undefined, '', { kind: 'LengthMismatch', originalCode: '22001' }))).toBe(true);
    expect(failsOnEveryRetry(databaseError('PrismaClientKnownRequestError', 'P2000', ''))).toBe(true);
    expect(failsOnEveryRetry(new SqlDriverError('postgresql', '22P05', ''))).toBe(true);
    expect(failsOnEveryRetry(new SqlDriverError('postgresql', '22021', ''))).toBe(true);
    expect(failsOnEveryRetry(new SqlDriverError('sqlite', 'SQLITE_TOOBIG', ''))).toBe(true);
  });

  it('is false for what a retry can mend', () => {
    expect(failsOnEveryRetry(databaseError('PrismaClientKnownRequestError', 'P2034', ''))).toBe(false);
    expect(failsOnEveryRetry(databaseError('DriverAdapterError', undefined, '', { kind: 'DatabaseNotReachable' }))).toBe(false);
    expect(failsOnEveryRetry(new Error('connection reset'))).toBe(false);
    // As Prisma's P2002: a unique violation is a race a redelivery settles, not a property of the body.
    expect(failsOnEveryRetry(new SqlDriverError('postgresql', '23505', ''))).toBe(false);
    expect(failsOnEveryRetry(new SqlDriverError('sqlite', 'SQLITE_CONSTRAINT_UNIQUE', ''))).toBe(false);
    expect(failsOnEveryRetry(new SqlDriverError('sqlite', 'SQLITE_BUSY', ''))).toBe(false);
  });
});
