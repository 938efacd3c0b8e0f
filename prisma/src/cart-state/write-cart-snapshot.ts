import { CartSnapshotConflictError, type CartSnapshot } from '@capi-relay/core';
import type { SqlQueryable } from '../driver/sql-driver';
import { uuidv7 } from '../ids';
import { browserToJson } from './cart-json';

/**
 * Writes a cart snapshot inside the caller's transaction and bumps its version. A snapshot without
 * `browser` keeps the stored context; tokens and customer are only ever filled in, not erased.
 *
 * With `basedOn` (the version the caller diffed against, null: no row) the write happens only while
 * the stored version still equals it, else CartSnapshotConflictError undoes the caller's write.
 * Without it, webhooks arriving out of order are handled by time: an older snapshot (by the
 * platform's updatedAt) never replaces a newer one.
 * Each case is one statement, so concurrent writers of one cart meet on the row's lock (or the
 * unique key) instead of both reading the same old version. Raw SQL on the webhook path (see
 * prisma/README.md, "SQL beneath Prisma").
 */
export async function writeCartSnapshot(tx: SqlQueryable, snapshot: CartSnapshot, basedOn: number | null | undefined, now: Date): Promise<void> {
  if (basedOn === undefined) {
    await insertOrReplace(tx, snapshot, now, { ifNewer: true });
    return;
  }
  const written = basedOn === null ? await insertOrReplace(tx, snapshot, now, { ifNewer: false }) : await updateVersion(tx, snapshot, basedOn, now);
  if (written !== 1) throw new CartSnapshotConflictError(snapshot.storeId, snapshot.cartToken, basedOn);
}

const INSERT_OR_REPLACE = `
  INSERT INTO "CartState" ("id", "storeId", "cartToken", "checkoutToken", "customerRef", "lines", "browser", "updatedAt", "touchedAt", "version")
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)
  ON CONFLICT ("storeId", "cartToken") DO`;

/** The replacing branch: only a snapshot not older than the stored one. */
const REPLACE_IF_NEWER = `${INSERT_OR_REPLACE} UPDATE SET
    "lines" = excluded."lines",
    "browser" = COALESCE(excluded."browser", "CartState"."browser"),
    "checkoutToken" = COALESCE(excluded."checkoutToken", "CartState"."checkoutToken"),
    "customerRef" = COALESCE(excluded."customerRef", "CartState"."customerRef"),
    "updatedAt" = excluded."updatedAt",
    "touchedAt" = excluded."touchedAt",
    "version" = "CartState"."version" + 1
  WHERE excluded."updatedAt" >= "CartState"."updatedAt"`;

/** The first snapshot only: an existing row (a concurrent first writer) leaves 0 rows written. */
const INSERT_FIRST = `${INSERT_OR_REPLACE} NOTHING`;

/**
 * Inserts the cart's first snapshot (version 1). An existing row is replaced only `ifNewer` and when
 * the snapshot is not older than it. Returns the rows written, 0 or 1 (a concurrent inserter of the
 * same cart is waited for, then counts as the existing row).
 */
function insertOrReplace(tx: SqlQueryable, snapshot: CartSnapshot, now: Date, { ifNewer }: { ifNewer: boolean }): Promise<number> {
  return tx.run(ifNewer ? REPLACE_IF_NEWER : INSERT_FIRST, [
    uuidv7(now.getTime()),
    snapshot.storeId,
    snapshot.cartToken,
    snapshot.checkoutToken ?? null,
    snapshot.customerRef ?? null,
    JSON.stringify(snapshot.lines),
    browserToJson(snapshot.browser),
    snapshot.updatedAt,
    now,
  ]);
}

const UPDATE_VERSION = `
  UPDATE "CartState" SET
    "lines" = $1,
    "browser" = COALESCE($2, "browser"),
    "checkoutToken" = COALESCE($3, "checkoutToken"),
    "customerRef" = COALESCE($4, "customerRef"),
    "updatedAt" = $5,
    "touchedAt" = $6,
    "version" = "version" + 1
  WHERE "storeId" = $7 AND "cartToken" = $8 AND "version" = $9`;

/**
 * 1 when the row still had version `basedOn`. On PostgreSQL a concurrent writer's row lock makes this
 * wait, then the version is checked again on the row as that writer left it.
 */
function updateVersion(tx: SqlQueryable, snapshot: CartSnapshot, basedOn: number, now: Date): Promise<number> {
  return tx.run(UPDATE_VERSION, [
    JSON.stringify(snapshot.lines),
    browserToJson(snapshot.browser),
    snapshot.checkoutToken ?? null,
    snapshot.customerRef ?? null,
    snapshot.updatedAt,
    now,
    snapshot.storeId,
    snapshot.cartToken,
    basedOn,
  ]);
}
