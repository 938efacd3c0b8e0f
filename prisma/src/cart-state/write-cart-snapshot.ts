import { CartSnapshotConflictError, type CartSnapshot } from '@capi-relay/core';
import { uuidv7 } from '../ids';
import type { Tx } from '../client';
import { browserToJson } from './cart-json';

/**
 * Writes a cart snapshot inside the caller's transaction and bumps its version. A snapshot without
 * `browser` keeps the stored context; tokens and customer are only ever filled in, not erased.
 *
 * With `basedOn` (the version the caller diffed against, null: no row) the write happens only while
 * the stored version still equals it, else CartSnapshotConflictError rolls the transaction back.
 * Without it, webhooks arriving out of order are handled by time: an older snapshot (by the
 * platform's updatedAt) never replaces a newer one.
 * Each case is one statement, so concurrent writers of one cart meet on the row's lock (or the
 * unique key) instead of both reading the same old version.
 */
export async function writeCartSnapshot(tx: Tx, snapshot: CartSnapshot, basedOn: number | null | undefined, now: Date): Promise<void> {
  if (basedOn === undefined) {
    await insertOrReplace(tx, snapshot, now, { ifNewer: true });
    return;
  }
  const written = basedOn === null ? await insertOrReplace(tx, snapshot, now, { ifNewer: false }) : await updateVersion(tx, snapshot, basedOn, now);
  if (written !== 1) throw new CartSnapshotConflictError(snapshot.storeId, snapshot.cartToken, basedOn);
}

/**
 * Inserts the cart's first snapshot (version 1). An existing row is replaced only `ifNewer` and when
 * the snapshot is not older than it. Returns the rows written, 0 or 1 (a concurrent inserter of the
 * same cart is waited for, then counts as the existing row).
 */
function insertOrReplace(tx: Tx, snapshot: CartSnapshot, now: Date, { ifNewer }: { ifNewer: boolean }): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "CartState" ("id", "storeId", "cartToken", "checkoutToken", "customerRef", "lines", "browser", "updatedAt", "touchedAt", "version")
    VALUES (${uuidv7(now.getTime())}, ${snapshot.storeId}, ${snapshot.cartToken}, ${snapshot.checkoutToken ?? null},
            ${snapshot.customerRef ?? null}, ${JSON.stringify(snapshot.lines)}, ${browserToJson(snapshot.browser)},
            ${snapshot.updatedAt}, ${now}, 1)
    ON CONFLICT ("storeId", "cartToken") DO UPDATE SET
      "lines" = excluded."lines",
      "browser" = COALESCE(excluded."browser", "CartState"."browser"),
      "checkoutToken" = COALESCE(excluded."checkoutToken", "CartState"."checkoutToken"),
      "customerRef" = COALESCE(excluded."customerRef", "CartState"."customerRef"),
      "updatedAt" = excluded."updatedAt",
      "touchedAt" = excluded."touchedAt",
      "version" = "CartState"."version" + 1
    WHERE ${ifNewer} AND excluded."updatedAt" >= "CartState"."updatedAt"`;
}

/**
 * 1 when the row still had version `basedOn`. On PostgreSQL a concurrent writer's row lock makes this
 * wait, then the version is checked again on the row as that writer left it.
 */
function updateVersion(tx: Tx, snapshot: CartSnapshot, basedOn: number, now: Date): Promise<number> {
  return tx.$executeRaw`
    UPDATE "CartState" SET
      "lines" = ${JSON.stringify(snapshot.lines)},
      "browser" = COALESCE(${browserToJson(snapshot.browser)}, "browser"),
      "checkoutToken" = COALESCE(${snapshot.checkoutToken ?? null}, "checkoutToken"),
      "customerRef" = COALESCE(${snapshot.customerRef ?? null}, "customerRef"),
      "updatedAt" = ${snapshot.updatedAt},
      "touchedAt" = ${now},
      "version" = "version" + 1
    WHERE "storeId" = ${snapshot.storeId} AND "cartToken" = ${snapshot.cartToken} AND "version" = ${basedOn}`;
}
