-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "pixelKey" TEXT;

-- AlterTable
ALTER TABLE "PixelConfig" ADD COLUMN     "limitedDataUse" TEXT NOT NULL DEFAULT 'off',
ADD COLUMN     "sendAddPaymentInfo" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "sendViewContent" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN     "awaitingTwin" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Store_pixelKey_key" ON "Store"("pixelKey");
