import pg from 'pg';
import type { SqlDriver, SqlQueryable, SqlTransaction, SqlValue } from './sql-driver';
import { driverError } from './sql-error';

const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

/**
 * Prisma's columns are `timestamp(3)` without a time zone, holding UTC. pg would read them, and
 * write Dates, in the process's local zone; these parsers and `bindable` keep them UTC everywhere.
 */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMP_OID) return (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
    // Counts and attempt numbers: well inside the safe range.
    if (oid === INT8_OID) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function bindable(value: SqlValue): unknown {
  if (value === undefined) return null;
  // Without a zone a timestamp column stores the text as given: ISO in UTC.
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** A statement on `client`; the database's refusals leave as SqlDriverError (sql-error.ts). */
async function execute<Row extends object>(client: pg.Pool | pg.PoolClient, text: string, params: readonly SqlValue[] = []): Promise<pg.QueryResult<Row>> {
  try {
    return await client.query<Row>({ text, values: params.map(bindable), types: TYPES });
  } catch (error) {
    throw driverError('postgresql', error);
  }
}

function queryableOn(client: pg.Pool | pg.PoolClient): SqlQueryable {
  return {
    async query<Row extends object>(text: string, params: readonly SqlValue[] = []) {
      return (await execute<Row>(client, text, params)).rows;
    },
    async run(text: string, params: readonly SqlValue[] = []) {
      return (await execute(client, text, params)).rowCount ?? 0;
    },
  };
}

/** The driver over the pool Prisma's adapter also uses. */
export function createPgDriver(pool: pg.Pool): SqlDriver {
  return {
    provider: 'postgresql',
    ...queryableOn(pool),
    async transaction(work) {
      const client = await pool.connect();
      let savepoints = 0;
      const queryable = queryableOn(client);
      const tx: SqlTransaction = {
        ...queryable,
        async savepoint(inner) {
          const name = `sp${(savepoints += 1)}`;
          await execute(client, `SAVEPOINT ${name}`);
          try {
            const result = await inner();
            await execute(client, `RELEASE SAVEPOINT ${name}`);
            return result;
          } catch (error) {
            await execute(client, `ROLLBACK TO SAVEPOINT ${name}`);
            throw error;
          }
        },
      };
      let broken = false;
      try {
        await execute(client, 'BEGIN');
        const result = await work(tx);
        await execute(client, 'COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          // The connection itself failed: it must not go back to the pool.
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}
