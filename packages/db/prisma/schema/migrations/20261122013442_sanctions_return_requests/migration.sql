-- CreateTable
CREATE TABLE "ReturnRequest" (
    "id" UUID NOT NULL,
    "flightKey" TEXT NOT NULL,
    "travellerId" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueBy" TIMESTAMPTZ(3) NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReturnRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReturnRequest_flightKey_idx" ON "ReturnRequest"("flightKey");

-- CreateIndex
CREATE INDEX "ReturnRequest_dueBy_idx" ON "ReturnRequest"("dueBy");
