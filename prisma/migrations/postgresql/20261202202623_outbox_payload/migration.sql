-- CreateTable
CREATE TABLE "OutboxPayload" (
    "id" TEXT NOT NULL,
    "payload" TEXT NOT NULL,

    CONSTRAINT "OutboxPayload_pkey" PRIMARY KEY ("id")
);

-- Every row's payload moves to the new table before the column is dropped (hand-written).
INSERT INTO "OutboxPayload" ("id", "payload") SELECT "id", "payload" FROM "OutboxEvent";

-- AlterTable
ALTER TABLE "OutboxEvent" DROP COLUMN "payload";

-- AddForeignKey
ALTER TABLE "OutboxPayload" ADD CONSTRAINT "OutboxPayload_id_fkey" FOREIGN KEY ("id") REFERENCES "OutboxEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
