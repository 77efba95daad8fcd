-- CreateTable
CREATE TABLE "Pnr" (
    "id" UUID NOT NULL,
    "carrierId" UUID NOT NULL,
    "flightKey" TEXT NOT NULL,
    "bookingRef" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submissionId" UUID NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Pnr_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Pnr_flightKey_idx" ON "Pnr"("flightKey");

-- CreateIndex
CREATE INDEX "Pnr_receivedAt_idx" ON "Pnr"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Pnr_carrierId_flightKey_bookingRef_key" ON "Pnr"("carrierId", "flightKey", "bookingRef");
