-- DropIndex
DROP INDEX "WebhookReceipt_source_deliveryId_key";

-- CreateIndex
CREATE UNIQUE INDEX "WebhookReceipt_storeId_source_deliveryId_key" ON "WebhookReceipt"("storeId", "source", "deliveryId");
