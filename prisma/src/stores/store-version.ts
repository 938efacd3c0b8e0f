/**
 * A store's settings version: its store row and pixel rows, each named by id and last update time
 * (Prisma's @updatedAt, set by every update of those rows). A webhook planned from cached rows
 * records its events only while the version in the database is still the one the cache read, so a
 * change made by any process (settings saved, pixel stopped, app uninstalled, shop deleted) is never
 * outrun by a cached copy: the write fails with StoreContextChangedError and the caller plans again.
 */
import type { SqlQueryable } from '../driver/sql-driver';
import { readTime } from '../driver/sql-driver';

export interface VersionedRow {
  id: string;
  updatedAt: Date;
}

/** The version a write was planned from. */
export interface StoreVersion {
  storeId: string;
  version: string;
}

export class StoreContextChangedError extends Error {
  constructor(readonly storeId: string) {
    super(`The settings of store ${storeId} changed after they were read; nothing was recorded.`);
    this.name = 'StoreContextChangedError';
  }
}

/** Order-free: the same rows give the same version however they were listed. */
export function storeVersionOf(rows: readonly VersionedRow[]): string {
  return rows
    .map((row) => `${row.id}@${row.updatedAt.getTime()}`)
    .sort()
    .join(',');
}

const CURRENT_VERSION = `
  SELECT "id", "updatedAt" FROM "Store" WHERE "id" = $1
  UNION ALL
  SELECT "id", "updatedAt" FROM "PixelConfig" WHERE "storeId" = $1`;

/** The version in the database now ('' once the store is gone). */
export async function currentStoreVersion(sql: SqlQueryable, storeId: string): Promise<string> {
  const rows = await sql.query<{ id: string; updatedAt: unknown }>(CURRENT_VERSION, [storeId]);
  return storeVersionOf(rows.map((row) => ({ id: row.id, updatedAt: readTime(row.updatedAt) })));
}
