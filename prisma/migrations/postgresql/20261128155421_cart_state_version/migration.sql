-- AlterTable
ALTER TABLE "CartState" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;
