-- CreateTable
CREATE TABLE "Store" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "installedAt" DATETIME NOT NULL,
    "uninstalledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PixelConfig" (
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
    "purchaseTrigger" TEXT NOT NULL DEFAULT 'order_created',
    "stoppedAt" DATETIME,
    "stoppedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PixelConfig_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" DATETIME,
    "accessToken" TEXT,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN,
    "locale" TEXT,
    "collaborator" BOOLEAN,
    "emailVerified" BOOLEAN,
    "refreshToken" TEXT,
    "refreshTokenExpires" DATETIME
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storeId" TEXT NOT NULL,
    "pixelConfigId" TEXT,
    "pixelKey" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "customerRef" TEXT,
    "eventTime" DATETIME NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "reasonDetail" TEXT,
    "userDataKeys" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutboxEvent_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutboxEvent_pixelConfigId_fkey" FOREIGN KEY ("pixelConfigId") REFERENCES "PixelConfig" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "outboxEventId" TEXT NOT NULL,
    "attemptedAt" DATETIME NOT NULL,
    "outcome" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "code" INTEGER,
    "subcode" INTEGER,
    "fbtraceId" TEXT,
    "latencyMs" INTEGER,
    "message" TEXT,
    CONSTRAINT "DeliveryAttempt_outboxEventId_fkey" FOREIGN KEY ("outboxEventId") REFERENCES "OutboxEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookReceipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storeId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookReceipt_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CartState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "storeId" TEXT NOT NULL,
    "cartToken" TEXT NOT NULL,
    "checkoutToken" TEXT,
    "customerRef" TEXT,
    "lines" TEXT NOT NULL,
    "browser" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "touchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CartState_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComplianceRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "requestId" TEXT,
    "customerRef" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "outcome" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Store_platform_domain_key" ON "Store"("platform", "domain");

-- CreateIndex
CREATE UNIQUE INDEX "PixelConfig_storeId_position_key" ON "PixelConfig"("storeId", "position");

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE INDEX "OutboxEvent_status_nextAttemptAt_idx" ON "OutboxEvent"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxEvent_status_leaseExpiresAt_idx" ON "OutboxEvent"("status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "OutboxEvent_storeId_createdAt_idx" ON "OutboxEvent"("storeId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEvent_storeId_customerRef_idx" ON "OutboxEvent"("storeId", "customerRef");

-- CreateIndex
CREATE INDEX "OutboxEvent_storeId_sourceId_idx" ON "OutboxEvent"("storeId", "sourceId");

-- CreateIndex
CREATE INDEX "OutboxEvent_status_sentAt_idx" ON "OutboxEvent"("status", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_pixelKey_eventName_eventId_key" ON "OutboxEvent"("pixelKey", "eventName", "eventId");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_outboxEventId_attemptedAt_idx" ON "DeliveryAttempt"("outboxEventId", "attemptedAt");

-- CreateIndex
CREATE INDEX "WebhookReceipt_receivedAt_idx" ON "WebhookReceipt"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookReceipt_source_deliveryId_key" ON "WebhookReceipt"("source", "deliveryId");

-- CreateIndex
CREATE INDEX "CartState_storeId_checkoutToken_idx" ON "CartState"("storeId", "checkoutToken");

-- CreateIndex
CREATE INDEX "CartState_storeId_customerRef_idx" ON "CartState"("storeId", "customerRef");

-- CreateIndex
CREATE INDEX "CartState_touchedAt_idx" ON "CartState"("touchedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CartState_storeId_cartToken_key" ON "CartState"("storeId", "cartToken");

-- CreateIndex
CREATE INDEX "ComplianceRequest_platform_shopDomain_idx" ON "ComplianceRequest"("platform", "shopDomain");

