-- CreateTable
CREATE TABLE "OutboxPayload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "payload" TEXT NOT NULL,
    CONSTRAINT "OutboxPayload_id_fkey" FOREIGN KEY ("id") REFERENCES "OutboxEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Every row's payload moves to the new table before the rebuild drops the column (hand-written).
INSERT INTO "OutboxPayload" ("id", "payload") SELECT "id", "payload" FROM "OutboxEvent";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storeId" TEXT NOT NULL,
    "pixelConfigId" TEXT,
    "pixelKey" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "customerRef" TEXT,
    "cartToken" TEXT,
    "checkoutToken" TEXT,
    "eventTime" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "reasonDetail" TEXT,
    "userDataKeys" TEXT NOT NULL,
    "droppedUserData" TEXT NOT NULL DEFAULT '[]',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "awaitingTwin" TEXT,
    "withoutConsentSignal" BOOLEAN NOT NULL DEFAULT false,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutboxEvent_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutboxEvent_pixelConfigId_fkey" FOREIGN KEY ("pixelConfigId") REFERENCES "PixelConfig" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OutboxEvent" ("attempts", "awaitingTwin", "cartToken", "checkoutToken", "createdAt", "customerRef", "droppedUserData", "eventId", "eventName", "eventTime", "id", "leaseExpiresAt", "leaseOwner", "nextAttemptAt", "pixelConfigId", "pixelKey", "reason", "reasonDetail", "sentAt", "sourceId", "status", "storeId", "updatedAt", "userDataKeys", "withoutConsentSignal") SELECT "attempts", "awaitingTwin", "cartToken", "checkoutToken", "createdAt", "customerRef", "droppedUserData", "eventId", "eventName", "eventTime", "id", "leaseExpiresAt", "leaseOwner", "nextAttemptAt", "pixelConfigId", "pixelKey", "reason", "reasonDetail", "sentAt", "sourceId", "status", "storeId", "updatedAt", "userDataKeys", "withoutConsentSignal" FROM "OutboxEvent";
DROP TABLE "OutboxEvent";
ALTER TABLE "new_OutboxEvent" RENAME TO "OutboxEvent";
CREATE INDEX "OutboxEvent_status_nextAttemptAt_idx" ON "OutboxEvent"("status", "nextAttemptAt");
CREATE INDEX "OutboxEvent_status_leaseExpiresAt_idx" ON "OutboxEvent"("status", "leaseExpiresAt");
CREATE INDEX "OutboxEvent_storeId_createdAt_idx" ON "OutboxEvent"("storeId", "createdAt");
CREATE INDEX "OutboxEvent_storeId_customerRef_idx" ON "OutboxEvent"("storeId", "customerRef");
CREATE INDEX "OutboxEvent_storeId_sourceId_idx" ON "OutboxEvent"("storeId", "sourceId");
CREATE INDEX "OutboxEvent_storeId_cartToken_idx" ON "OutboxEvent"("storeId", "cartToken");
CREATE INDEX "OutboxEvent_storeId_checkoutToken_idx" ON "OutboxEvent"("storeId", "checkoutToken");
CREATE INDEX "OutboxEvent_status_sentAt_idx" ON "OutboxEvent"("status", "sentAt");
CREATE INDEX "OutboxEvent_status_updatedAt_idx" ON "OutboxEvent"("status", "updatedAt");
CREATE UNIQUE INDEX "OutboxEvent_pixelKey_eventName_eventId_key" ON "OutboxEvent"("pixelKey", "eventName", "eventId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
