-- CreateTable
CREATE TABLE "ReferenceAreaVersion" (
    "area" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReferenceAreaVersion_pkey" PRIMARY KEY ("area")
);

-- CreateTable
CREATE TABLE "ReferenceWatchlist" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "alertThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.8,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReferenceWatchlist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceWatchlistEntry" (
    "listId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "entry" JSONB NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReferenceWatchlistEntry_pkey" PRIMARY KEY ("listId","entryId")
);

-- CreateTable
CREATE TABLE "ReferenceClearedTraveller" (
    "id" UUID NOT NULL,
    "entryId" TEXT NOT NULL,
    "listId" TEXT,
    "record" JSONB NOT NULL,
    "validFrom" TIMESTAMPTZ(3) NOT NULL,
    "validUntil" TIMESTAMPTZ(3) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedBy" TEXT,

    CONSTRAINT "ReferenceClearedTraveller_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceRiskProfile" (
    "id" UUID NOT NULL,
    "profileId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "approvedBy" TEXT,
    "approvedAt" TIMESTAMPTZ(3),
    "effectiveFrom" TIMESTAMPTZ(3) NOT NULL,
    "effectiveTo" TIMESTAMPTZ(3),
    "document" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReferenceRiskProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceEntryRulesVersion" (
    "id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceEntryRulesVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceTravelAuthorisation" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuingState" TEXT NOT NULL,
    "documentNumber" TEXT NOT NULL,
    "nationality" TEXT NOT NULL,
    "record" JSONB NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedBy" TEXT,

    CONSTRAINT "ReferenceTravelAuthorisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceLostStolenImport" (
    "id" UUID NOT NULL,
    "listId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "issues" JSONB,
    "importedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReferenceLostStolenImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceLostStolenEntry" (
    "importId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "issuingState" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reportedAt" TEXT NOT NULL,

    CONSTRAINT "ReferenceLostStolenEntry_pkey" PRIMARY KEY ("importId","seq")
);

-- CreateIndex
CREATE INDEX "ReferenceClearedTraveller_validUntil_idx" ON "ReferenceClearedTraveller"("validUntil");

-- CreateIndex
CREATE INDEX "ReferenceRiskProfile_status_idx" ON "ReferenceRiskProfile"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceRiskProfile_profileId_version_key" ON "ReferenceRiskProfile"("profileId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceEntryRulesVersion_version_key" ON "ReferenceEntryRulesVersion"("version");

-- CreateIndex
CREATE INDEX "ReferenceTravelAuthorisation_documentNumber_idx" ON "ReferenceTravelAuthorisation"("documentNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceTravelAuthorisation_kind_issuingState_number_key" ON "ReferenceTravelAuthorisation"("kind", "issuingState", "number");

-- CreateIndex
CREATE INDEX "ReferenceLostStolenImport_listId_status_idx" ON "ReferenceLostStolenImport"("listId", "status");
