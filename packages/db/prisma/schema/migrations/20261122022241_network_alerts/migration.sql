-- CreateTable
CREATE TABLE "NetworkAlert" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "flightKey" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "facilitatorKind" TEXT NOT NULL,
    "facilitatorValue" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "summary" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "detectedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NetworkAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NetworkAlert_key_key" ON "NetworkAlert"("key");

-- CreateIndex
CREATE INDEX "NetworkAlert_flightKey_idx" ON "NetworkAlert"("flightKey");
