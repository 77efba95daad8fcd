-- AlterTable
ALTER TABLE "Pnr" ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3);
