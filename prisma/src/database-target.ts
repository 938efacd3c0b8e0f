/**
 * Which database a URL points to. `DATABASE_URL` unset means the zero-configuration default: a
 * SQLite file under ./data. PostgreSQL is for production and several processes.
 */
import path from 'node:path';

export type Provider = 'sqlite' | 'postgresql';

export type DatabaseTarget =
  | { provider: 'sqlite'; /** Absolute path of the database file. */ filePath: string }
  | { provider: 'postgresql'; url: string };

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
  if (/^postgres(ql)?:\/\//i.test(value)) return { provider: 'postgresql', url: value };
  throw new DatabaseUrlError(
    'DATABASE_URL must start with "file:" (SQLite) or "postgres://" / "postgresql://" (PostgreSQL); ' +
      'leave it unset to use ./data/capi-relay.sqlite.',
  );
}
