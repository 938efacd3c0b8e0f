import { type CartStateStore, mergeBrowserContext } from '@capi-relay/core';
import type { Db } from '../client';
import { readTime } from '../driver/sql-driver';
import { uuidv7 } from '../ids';
import { browserFromJson, browserToJson, toCartSnapshot, type CartStateRow } from './cart-json';

/** Before any webhook: the pixel-only row sorts older than every real cart update. */
const NEVER_UPDATED = new Date(0);

const COLUMNS = '"storeId", "cartToken", "checkoutToken", "customerRef", "lines", "browser", "updatedAt", "version"';

/**
 * The two reads every cart, checkout and order webhook makes, as raw SQL beneath Prisma (see
 * prisma/README.md). Never cached: the caller diffs against the version it reads, and record()
 * writes only while that version still holds.
 */
const GET = `SELECT ${COLUMNS} FROM "CartState" WHERE "storeId" = $1 AND "cartToken" = $2`;
/** Only the carts that led to one checkout share its token: a handful of rows at most. A NULL token matches nothing. */
const FIND_BY_TOKENS = `SELECT ${COLUMNS} FROM "CartState" WHERE "storeId" = $1 AND ("cartToken" = $2 OR "checkoutToken" = $3) ORDER BY "updatedAt" DESC, "id" DESC`;

type RawCartRow = Omit<CartStateRow, 'updatedAt'> & { updatedAt: unknown };

function fromRaw(row: RawCartRow): CartStateRow {
  return { ...row, updatedAt: readTime(row.updatedAt) };
}

export function createPrismaCartStateStore(db: Db): CartStateStore {
  return {
    async get(storeId, cartToken) {
      const [row] = await db.sql.query<RawCartRow>(GET, [storeId, cartToken]);
      return row ? toCartSnapshot(fromRaw(row)) : null;
    },

    async findByTokens(storeId, { cartToken, checkoutToken }) {
      if (!cartToken && !checkoutToken) return null;
      const rows = await db.sql.query<RawCartRow>(FIND_BY_TOKENS, [storeId, cartToken || null, checkoutToken || null]);
      const row = (cartToken && rows.find((candidate) => candidate.cartToken === cartToken)) || rows[0];
      return row ? toCartSnapshot(fromRaw(row)) : null;
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
