-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN     "droppedUserData" TEXT NOT NULL DEFAULT '[]';
