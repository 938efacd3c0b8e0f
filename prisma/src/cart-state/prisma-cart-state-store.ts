import { type CartStateStore, mergeBrowserContext } from '@capi-relay/core';
import type { Db } from '../client';
import { uuidv7 } from '../ids';
import { browserFromJson, browserToJson, toCartSnapshot } from './cart-json';
import { createCartReads } from './cart-reads';

/** Before any webhook: the pixel-only row sorts older than every real cart update. */
const NEVER_UPDATED = new Date(0);

export function createPrismaCartStateStore(db: Db): CartStateStore {
  const reads = createCartReads(db.sql);
  return {
    async get(storeId, cartToken) {
      const row = await reads.get(storeId, cartToken);
      return row ? toCartSnapshot(row) : null;
    },

    async findByTokens(storeId, { cartToken, checkoutToken }) {
      if (!cartToken && !checkoutToken) return null;
      const row = await reads.findByTokens(storeId, { cartToken, checkoutToken });
      return row ? toCartSnapshot(row) : null;
    },

    async saveBrowserContext(storeId, tokens, browser, customerRef) {
      const now = new Date();
      await db.write(async (tx) => {
        // Insert-if-missing, so concurrent first reports of one cart meet on the same row.
        await tx.$executeRaw`
          INSERT INTO "CartState" ("id", "storeId", "cartToken", "checkoutToken", "lines", "browser", "updatedAt", "touchedAt")
          VALUES (${uuidv7(now.getTime())}, ${storeId}, ${tokens.cartToken}, ${tokens.checkoutToken ?? null}, '[]', NULL, ${NEVER_UPDATED}, ${now})
          ON CONFLICT ("storeId", "cartToken") DO NOTHING`;
        const row = await tx.cartState.findUniqueOrThrow({
          where: { storeId_cartToken: { storeId, cartToken: tokens.cartToken } },
          select: { id: true, browser: true, checkoutToken: true, customerRef: true },
        });
        await tx.cartState.update({
          where: { id: row.id },
          data: {
            browser: browserToJson(mergeBrowserContext(browserFromJson(row.browser), browser)),
            checkoutToken: tokens.checkoutToken ?? row.checkoutToken,
            customerRef: row.customerRef ?? customerRef ?? null,
            touchedAt: now,
          },
        });
      });
    },
  };
}
