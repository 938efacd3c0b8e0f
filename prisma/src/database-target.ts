/**
 * Which database a URL points to. `DATABASE_URL` unset means the zero-configuration default: a
 * SQLite file under ./data. PostgreSQL is for production and several processes.
 */
import path from 'node:path';

export type Provider = 'sqlite' | 'postgresql';

export type DatabaseTarget =
  | { provider: 'sqlite'; /** Absolute path of the database file. */ filePath: string }
  | {
      provider: 'postgresql';
      /** The connection URL without `schema`, which pg does not know. */
      url: string;
      /**
       * Prisma's `?schema=` convention: our tables in their own PostgreSQL schema, so they can share a
       * database with another application's (the Medusa plugin's default). Absent: `public`.
       */
      schema?: string;
    };

export const DEFAULT_SQLITE_FILE = 'data/capi-relay.sqlite';

export class DatabaseUrlError extends Error {
  override name = 'DatabaseUrlError';
}

/** @param cwd relative SQLite paths resolve against it, as they do for the Prisma CLI. */
export function resolveDatabaseTarget(url: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const value = url?.trim() ?? '';
  if (value === '') return { provider: 'sqlite', filePath: path.resolve(cwd, DEFAULT_SQLITE_FILE) };
  if (value.startsWith('file:')) {
    const filePath = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '').split('?')[0] ?? '';
    if (filePath === '' || filePath === ':memory:') {
      throw new DatabaseUrlError(
        'DATABASE_URL "file:" needs a file path (e.g. file:./data/capi-relay.sqlite); in-memory databases are not supported.',
      );
    }
    return { provider: 'sqlite', filePath: path.resolve(cwd, filePath) };
  }
  if (/^postgres(ql)?:\/\//i.test(value)) return postgresTarget(value);
  throw new DatabaseUrlError(
    'DATABASE_URL must start with "file:" (SQLite) or "postgres://" / "postgresql://" (PostgreSQL); ' +
      'leave it unset to use ./data/capi-relay.sqlite.',
  );
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function postgresTarget(value: string): DatabaseTarget {
  const queryStart = value.indexOf('?');
  if (queryStart < 0) return { provider: 'postgresql', url: value };
  const params = new URLSearchParams(value.slice(queryStart + 1));
  const schema = params.get('schema');
  if (schema === null) return { provider: 'postgresql', url: value };
  // Unquoted-identifier rules: the name is spliced into search_path and CREATE SCHEMA.
  if (!SCHEMA_NAME.test(schema)) {
    throw new DatabaseUrlError(`DATABASE_URL schema "${schema}" must be lowercase letters, digits and underscores, starting with a letter or underscore.`);
  }
  params.delete('schema');
  const rest = params.toString();
  return { provider: 'postgresql', url: value.slice(0, queryStart) + (rest === '' ? '' : `?${rest}`), schema };
}

/** The pg connection option that makes the schema the one unqualified names resolve in. */
export function searchPathOption(schema: string | undefined): { options?: string } {
  return schema === undefined ? {} : { options: `-c search_path=${schema}` };
}
