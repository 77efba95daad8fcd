-- CreateTable
CREATE TABLE "ArrivalOutcomeRecord" (
    "id" TEXT NOT NULL,
    "flightKey" TEXT NOT NULL,
    "flightId" UUID NOT NULL,
    "travellerId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "outcome" JSONB NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArrivalOutcomeRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SanctionInfringement" (
    "key" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "carrierCode" TEXT NOT NULL,
    "flightKey" TEXT NOT NULL,
    "travellerId" TEXT,
    "finding" JSONB NOT NULL,
    "caseId" UUID,
    "detectedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SanctionInfringement_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "JurisdictionProfileVersion" (
    "id" UUID NOT NULL,
    "profileId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "profile" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JurisdictionProfileVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SanctionCaseRecord" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "carrierCode" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "profileId" TEXT NOT NULL,
    "profileVersion" TEXT NOT NULL,
    "answerDueBy" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SanctionCaseRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SanctionCaseEvent" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "SanctionCaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SanctionCarrierAnswer" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "carrierCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "submittedBy" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SanctionCarrierAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SanctionAnswerAttachment" (
    "id" UUID NOT NULL,
    "answerId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "SanctionAnswerAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SanctionEvidence" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "noticeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "sha256" TEXT,
    "detail" JSONB,

    CONSTRAINT "SanctionEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ArrivalOutcomeRecord_flightKey_idx" ON "ArrivalOutcomeRecord"("flightKey");

-- CreateIndex
CREATE INDEX "ArrivalOutcomeRecord_createdAt_idx" ON "ArrivalOutcomeRecord"("createdAt");

-- CreateIndex
CREATE INDEX "SanctionInfringement_carrierCode_caseId_idx" ON "SanctionInfringement"("carrierCode", "caseId");

-- CreateIndex
CREATE INDEX "SanctionInfringement_flightKey_idx" ON "SanctionInfringement"("flightKey");

-- CreateIndex
CREATE INDEX "JurisdictionProfileVersion_profileId_createdAt_idx" ON "JurisdictionProfileVersion"("profileId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "JurisdictionProfileVersion_profileId_version_key" ON "JurisdictionProfileVersion"("profileId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "SanctionCaseRecord_key_key" ON "SanctionCaseRecord"("key");

-- CreateIndex
CREATE INDEX "SanctionCaseRecord_carrierCode_state_idx" ON "SanctionCaseRecord"("carrierCode", "state");

-- CreateIndex
CREATE INDEX "SanctionCaseRecord_state_answerDueBy_idx" ON "SanctionCaseRecord"("state", "answerDueBy");

-- CreateIndex
CREATE UNIQUE INDEX "SanctionCaseEvent_caseId_seq_key" ON "SanctionCaseEvent"("caseId", "seq");

-- CreateIndex
CREATE INDEX "SanctionCarrierAnswer_caseId_idx" ON "SanctionCarrierAnswer"("caseId");

-- CreateIndex
CREATE INDEX "SanctionAnswerAttachment_answerId_idx" ON "SanctionAnswerAttachment"("answerId");

-- CreateIndex
CREATE INDEX "SanctionEvidence_caseId_idx" ON "SanctionEvidence"("caseId");
