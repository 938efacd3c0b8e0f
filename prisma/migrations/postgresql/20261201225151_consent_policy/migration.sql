-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "country" TEXT;

-- AlterTable
ALTER TABLE "PixelConfig" ADD COLUMN     "noConsentSignal" TEXT;

-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN     "withoutConsentSignal" BOOLEAN NOT NULL DEFAULT false;
