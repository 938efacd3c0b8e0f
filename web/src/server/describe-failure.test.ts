import { databaseError } from '@capi-relay/core/testing';

import { failsOnEveryRetry } from './describe-failure';

describe('failsOnEveryRetry', () => {
  it('is true for arithmetic beyond the safe range and values the database refuses', () => {
    expect(failsOnEveryRetry(new RangeError('Invalid array length'))).toBe(true);
    expect(failsOnEveryRetry(databaseError('DriverAdapterError', undefined, '', { kind: 'postgres', code: '22021' }))).toBe(true);
    expect(failsOnEveryRetry(databaseError('DriverAdapterError', undefined, '', { kind: 'LengthMismatch', originalCode: '22001' }))).toBe(true);
    expect(failsOnEveryRetry(databaseError('PrismaClientKnownRequestError', 'P2000', ''))).toBe(true);
  });

  it('is false for what a retry can mend', () => {
    expect(failsOnEveryRetry(databaseError('PrismaClientKnownRequestError', 'P2034', ''))).toBe(false);
    expect(failsOnEveryRetry(databaseError('DriverAdapterError', undefined, '', { kind: 'DatabaseNotReachable' }))).toBe(false);
    expect(failsOnEveryRetry(new Error('connection reset'))).toBe(false);
  });
});
