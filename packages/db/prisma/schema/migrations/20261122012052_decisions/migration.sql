-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "travellerId" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "decidedBy" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "confirmedBy" UUID,
    "confirmedAt" TIMESTAMPTZ(3),
    "confirmNote" TEXT,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Decision_travellerId_idx" ON "Decision"("travellerId");

-- CreateIndex
CREATE INDEX "Decision_status_idx" ON "Decision"("status");
