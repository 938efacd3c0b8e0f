import { type CartStateStore, mergeBrowserContext } from '@capi-relay/core';
import type { Db } from '../client';
import { uuidv7 } from '../ids';
import { browserFromJson, browserToJson, toCartSnapshot } from './cart-json';

/** Before any webhook: the pixel-only row sorts older than every real cart update. */
const NEVER_UPDATED = new Date(0);

export function createPrismaCartStateStore(db: Db): CartStateStore {
  return {
    async get(storeId, cartToken) {
      const row = await db.client.cartState.findUnique({ where: { storeId_cartToken: { storeId, cartToken } } });
      return row ? toCartSnapshot(row) : null;
    },

    async findByTokens(storeId, { cartToken, checkoutToken }) {
      const either = [...(cartToken ? [{ cartToken }] : []), ...(checkoutToken ? [{ checkoutToken }] : [])];
      if (either.length === 0) return null;
      // Only the carts that led to one checkout share its token: a handful of rows at most.
      const rows = await db.client.cartState.findMany({
        where: { storeId, OR: either },
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      });
      const row = (cartToken && rows.find((candidate) => candidate.cartToken === cartToken)) || rows[0];
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
