-- CreateTable
CREATE TABLE "Directive" (
    "id" UUID NOT NULL,
    "carrierId" UUID NOT NULL,
    "flightId" UUID NOT NULL,
    "travellerId" UUID NOT NULL,
    "answer" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "reasons" JSONB NOT NULL,
    "submissionId" UUID,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Directive_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Directive_travellerId_issuedAt_idx" ON "Directive"("travellerId", "issuedAt");

-- CreateIndex
CREATE INDEX "Directive_flightId_idx" ON "Directive"("flightId");
