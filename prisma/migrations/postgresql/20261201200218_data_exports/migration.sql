-- CreateTable
CREATE TABLE "DataExport" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "complianceRequestId" TEXT NOT NULL,
    "requestId" TEXT,
    "customerRef" TEXT,
    "orderIds" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "cartCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "downloadedAt" TIMESTAMP(3),

    CONSTRAINT "DataExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DataExport_storeId_createdAt_idx" ON "DataExport"("storeId", "createdAt");

-- CreateIndex
CREATE INDEX "DataExport_storeId_customerRef_idx" ON "DataExport"("storeId", "customerRef");

-- CreateIndex
CREATE INDEX "DataExport_expiresAt_idx" ON "DataExport"("expiresAt");

-- AddForeignKey
ALTER TABLE "DataExport" ADD CONSTRAINT "DataExport_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;
