import { describeFailure } from './describe-failure';
import { databaseError } from './testing/database-error';

describe('describeFailure', () => {
  it('logs a Prisma error by its code and meaning, never its message', () => {
    const error = databaseError('PrismaClientKnownRequestError', 'P2024', '\nInvalid `prisma.store.upsert()` invocation: jane.doe@example.com');
    expect(describeFailure(error)).toEqual({
      name: 'PrismaClientKnownRequestError',
      code: 'P2024',
      meaning: 'no database connection was free in time (pool timeout)',
    });
  });

  it('gives the driver adapter\'s kind and the database\'s own code', () => {
    const error = databaseError('DriverAdapterError', undefined, 'invalid byte sequence for encoding "UTF8": 0x00', { kind: 'postgres', code: '22021' });
    expect(describeFailure(error)).toEqual({ name: 'DriverAdapterError', driver: { kind: 'postgres', code: '22021' } });
  });

  it('keeps the first line of any other error, capped', () => {
    expect(describeFailure(new RangeError(`too big\n${'x'.repeat(10)}`))).toEqual({ name: 'RangeError', message: 'too big' });
    expect(describeFailure(new Error('y'.repeat(500))).message).toHaveLength(200);
  });
});
