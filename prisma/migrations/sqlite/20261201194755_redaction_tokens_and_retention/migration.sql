-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN "cartToken" TEXT;
ALTER TABLE "OutboxEvent" ADD COLUMN "checkoutToken" TEXT;

-- CreateIndex
CREATE INDEX "OutboxEvent_storeId_cartToken_idx" ON "OutboxEvent"("storeId", "cartToken");

-- CreateIndex
CREATE INDEX "OutboxEvent_storeId_checkoutToken_idx" ON "OutboxEvent"("storeId", "checkoutToken");

-- CreateIndex
CREATE INDEX "OutboxEvent_status_updatedAt_idx" ON "OutboxEvent"("status", "updatedAt");
