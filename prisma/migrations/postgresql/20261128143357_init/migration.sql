-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Store" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL,
    "uninstalledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Store_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PixelConfig" (
    "id" TEXT NOT NULL,
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
    "stoppedAt" TIMESTAMP(3),
    "stoppedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PixelConfig_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
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
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "pixelConfigId" TEXT,
    "pixelKey" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "customerRef" TEXT,
    "eventTime" TIMESTAMP(3) NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "reasonDetail" TEXT,
    "userDataKeys" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" TEXT NOT NULL,
    "outboxEventId" TEXT NOT NULL,
    "attemptedAt" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "code" INTEGER,
    "subcode" INTEGER,
    "fbtraceId" TEXT,
    "latencyMs" INTEGER,
    "message" TEXT,

    CONSTRAINT "DeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookReceipt" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CartState" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "cartToken" TEXT NOT NULL,
    "checkoutToken" TEXT,
    "customerRef" TEXT,
    "lines" TEXT NOT NULL,
    "browser" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "touchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CartState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceRequest" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "requestId" TEXT,
    "customerRef" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "outcome" TEXT,

    CONSTRAINT "ComplianceRequest_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "PixelConfig" ADD CONSTRAINT "PixelConfig_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxEvent" ADD CONSTRAINT "OutboxEvent_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxEvent" ADD CONSTRAINT "OutboxEvent_pixelConfigId_fkey" FOREIGN KEY ("pixelConfigId") REFERENCES "PixelConfig"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_outboxEventId_fkey" FOREIGN KEY ("outboxEventId") REFERENCES "OutboxEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookReceipt" ADD CONSTRAINT "WebhookReceipt_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartState" ADD CONSTRAINT "CartState_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

