-- AlterTable
ALTER TABLE "Store" ADD COLUMN "pixelKey" TEXT;

-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN "awaitingTwin" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PixelConfig" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "pixelId" TEXT,
    "accessTokenCiphertext" TEXT,
    "accessTokenLast4" TEXT,
    "testEventCode" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "sendPurchase" BOOLEAN NOT NULL DEFAULT true,
    "sendInitiateCheckout" BOOLEAN NOT NULL DEFAULT true,
    "sendAddToCart" BOOLEAN NOT NULL DEFAULT true,
    "sendViewContent" BOOLEAN NOT NULL DEFAULT true,
    "sendAddPaymentInfo" BOOLEAN NOT NULL DEFAULT true,
    "limitedDataUse" TEXT NOT NULL DEFAULT 'off',
    "purchaseTrigger" TEXT NOT NULL DEFAULT 'order_created',
    "stoppedAt" DATETIME,
    "stoppedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PixelConfig_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PixelConfig" ("accessTokenCiphertext", "accessTokenLast4", "createdAt", "enabled", "id", "pixelId", "position", "purchaseTrigger", "sendAddToCart", "sendInitiateCheckout", "sendPurchase", "stoppedAt", "stoppedReason", "storeId", "testEventCode", "updatedAt") SELECT "accessTokenCiphertext", "accessTokenLast4", "createdAt", "enabled", "id", "pixelId", "position", "purchaseTrigger", "sendAddToCart", "sendInitiateCheckout", "sendPurchase", "stoppedAt", "stoppedReason", "storeId", "testEventCode", "updatedAt" FROM "PixelConfig";
DROP TABLE "PixelConfig";
ALTER TABLE "new_PixelConfig" RENAME TO "PixelConfig";
CREATE UNIQUE INDEX "PixelConfig_storeId_position_key" ON "PixelConfig"("storeId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Store_pixelKey_key" ON "Store"("pixelKey");
