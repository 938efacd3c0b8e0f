import type { CartSnapshot } from '@capi-relay/core';
import { uuidv7 } from '../ids';
import type { Tx } from '../client';
import { browserToJson } from './cart-json';

/**
 * Upserts a cart snapshot inside the caller's transaction. Webhooks arrive out of order, so an older
 * snapshot (by the platform's updatedAt) never replaces a newer one. A snapshot without `browser`
 * keeps the stored context; tokens and customer are only ever filled in, not erased.
 * One statement, so two writers of the same new cart cannot both insert.
 */
export async function writeCartSnapshot(tx: Tx, snapshot: CartSnapshot, now: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "CartState" ("id", "storeId", "cartToken", "checkoutToken", "customerRef", "lines", "browser", "updatedAt", "touchedAt")
    VALUES (${uuidv7(now.getTime())}, ${snapshot.storeId}, ${snapshot.cartToken}, ${snapshot.checkoutToken ?? null},
            ${snapshot.customerRef ?? null}, ${JSON.stringify(snapshot.lines)}, ${browserToJson(snapshot.browser)},
            ${snapshot.updatedAt}, ${now})
    ON CONFLICT ("storeId", "cartToken") DO UPDATE SET
      "lines" = excluded."lines",
      "browser" = COALESCE(excluded."browser", "CartState"."browser"),
      "checkoutToken" = COALESCE(excluded."checkoutToken", "CartState"."checkoutToken"),
      "customerRef" = COALESCE(excluded."customerRef", "CartState"."customerRef"),
      "updatedAt" = excluded."updatedAt",
      "touchedAt" = excluded."touchedAt"
    WHERE excluded."updatedAt" >= "CartState"."updatedAt"`;
}
