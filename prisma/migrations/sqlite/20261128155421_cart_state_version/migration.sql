-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CartState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storeId" TEXT NOT NULL,
    "cartToken" TEXT NOT NULL,
    "checkoutToken" TEXT,
    "customerRef" TEXT,
    "lines" TEXT NOT NULL,
    "browser" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "touchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CartState_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CartState" ("browser", "cartToken", "checkoutToken", "customerRef", "id", "lines", "storeId", "touchedAt", "updatedAt") SELECT "browser", "cartToken", "checkoutToken", "customerRef", "id", "lines", "storeId", "touchedAt", "updatedAt" FROM "CartState";
DROP TABLE "CartState";
ALTER TABLE "new_CartState" RENAME TO "CartState";
CREATE INDEX "CartState_storeId_checkoutToken_idx" ON "CartState"("storeId", "checkoutToken");
CREATE INDEX "CartState_storeId_customerRef_idx" ON "CartState"("storeId", "customerRef");
CREATE INDEX "CartState_touchedAt_idx" ON "CartState"("touchedAt");
CREATE UNIQUE INDEX "CartState_storeId_cartToken_key" ON "CartState"("storeId", "cartToken");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
