-- CreateTable
CREATE TABLE "Carrier" (
    "id" UUID NOT NULL,
    "designator" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Carrier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarrierApiKey" (
    "id" UUID NOT NULL,
    "carrierId" UUID NOT NULL,
    "keyHash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CarrierApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" UUID NOT NULL,
    "carrierId" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "contentType" TEXT,
    "raw" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "format" TEXT,
    "interchangeRef" TEXT,
    "messageRef" TEXT,
    "carrierMessageId" TEXT,
    "flightKey" TEXT,
    "duplicateOfId" UUID,
    "errors" JSONB,
    "warnings" JSONB,
    "processedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Flight" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "carrierId" UUID NOT NULL,
    "carrierCode" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "flightDate" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "scheduledDeparture" TIMESTAMPTZ(3),
    "scheduledArrival" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Flight_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlightLeg" (
    "id" UUID NOT NULL,
    "flightId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "departureAirport" TEXT NOT NULL,
    "departureLocal" TEXT,
    "departureUtc" TIMESTAMPTZ(3),
    "arrivalAirport" TEXT NOT NULL,
    "arrivalLocal" TEXT,
    "arrivalUtc" TIMESTAMPTZ(3),
    "overflight" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "FlightLeg_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ManifestVersion" (
    "id" UUID NOT NULL,
    "flightId" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "listType" TEXT NOT NULL,
    "functionCode" TEXT NOT NULL,
    "declaredCount" INTEGER,
    "travellerCount" INTEGER NOT NULL,
    "manifest" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ManifestVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Traveller" (
    "id" UUID NOT NULL,
    "flightId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "surname" TEXT NOT NULL,
    "givenNames" TEXT NOT NULL,
    "birthDate" TEXT,
    "nationality" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "data" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Traveller_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TravellerRevision" (
    "id" UUID NOT NULL,
    "travellerId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "manifestVersionId" UUID NOT NULL,
    "operation" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TravellerRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TravelDocument" (
    "id" UUID NOT NULL,
    "travellerId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuingState" TEXT,
    "expiryDate" TEXT,

    CONSTRAINT "TravelDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "travellerId" UUID NOT NULL,
    "inputHash" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "rulesVersion" JSONB NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "ruleVersion" TEXT NOT NULL,
    "evidence" JSONB,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "details" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedMessage" (
    "consumer" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedMessage_pkey" PRIMARY KEY ("consumer","messageId")
);

-- CreateTable
CREATE TABLE "DeadLetter" (
    "id" UUID NOT NULL,
    "consumer" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER,
    "offset" TEXT,
    "key" TEXT,
    "headers" JSONB,
    "payload" BYTEA NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replayedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DeadLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessagePart" (
    "id" UUID NOT NULL,
    "carrierId" UUID NOT NULL,
    "messageRef" TEXT NOT NULL,
    "partNumber" INTEGER NOT NULL,
    "last" BOOLEAN NOT NULL,
    "submissionId" UUID NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "assembledAt" TIMESTAMPTZ(3),

    CONSTRAINT "MessagePart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMPTZ(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Carrier_designator_key" ON "Carrier"("designator");

-- CreateIndex
CREATE UNIQUE INDEX "CarrierApiKey_keyHash_key" ON "CarrierApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "Submission_carrierId_receivedAt_idx" ON "Submission"("carrierId", "receivedAt");

-- CreateIndex
CREATE INDEX "Submission_status_receivedAt_idx" ON "Submission"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "Submission_carrierId_sha256_idx" ON "Submission"("carrierId", "sha256");

-- CreateIndex
CREATE INDEX "Submission_flightKey_idx" ON "Submission"("flightKey");

-- CreateIndex
CREATE UNIQUE INDEX "Flight_key_key" ON "Flight"("key");

-- CreateIndex
CREATE UNIQUE INDEX "FlightLeg_flightId_seq_key" ON "FlightLeg"("flightId", "seq");

-- CreateIndex
CREATE INDEX "ManifestVersion_submissionId_idx" ON "ManifestVersion"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "ManifestVersion_flightId_version_key" ON "ManifestVersion"("flightId", "version");

-- CreateIndex
CREATE INDEX "Traveller_surname_idx" ON "Traveller"("surname");

-- CreateIndex
CREATE UNIQUE INDEX "Traveller_flightId_key_key" ON "Traveller"("flightId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "TravellerRevision_travellerId_revision_key" ON "TravellerRevision"("travellerId", "revision");

-- CreateIndex
CREATE INDEX "TravelDocument_number_idx" ON "TravelDocument"("number");

-- CreateIndex
CREATE INDEX "Assessment_outcome_current_idx" ON "Assessment"("outcome", "current");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_travellerId_inputHash_key" ON "Assessment"("travellerId", "inputHash");

-- CreateIndex
CREATE INDEX "Finding_assessmentId_idx" ON "Finding"("assessmentId");

-- CreateIndex
CREATE INDEX "Finding_source_code_idx" ON "Finding"("source", "code");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectType_subjectId_idx" ON "AuditEvent"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditEvent_actor_at_idx" ON "AuditEvent"("actor", "at");

-- CreateIndex
CREATE INDEX "OutboxMessage_publishedAt_createdAt_idx" ON "OutboxMessage"("publishedAt", "createdAt");

-- CreateIndex
CREATE INDEX "DeadLetter_createdAt_idx" ON "DeadLetter"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MessagePart_carrierId_messageRef_partNumber_key" ON "MessagePart"("carrierId", "messageRef", "partNumber");

-- CreateIndex
CREATE UNIQUE INDEX "User_tokenHash_key" ON "User"("tokenHash");

-- AddForeignKey
ALTER TABLE "CarrierApiKey" ADD CONSTRAINT "CarrierApiKey_carrierId_fkey" FOREIGN KEY ("carrierId") REFERENCES "Carrier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_carrierId_fkey" FOREIGN KEY ("carrierId") REFERENCES "Carrier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flight" ADD CONSTRAINT "Flight_carrierId_fkey" FOREIGN KEY ("carrierId") REFERENCES "Carrier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlightLeg" ADD CONSTRAINT "FlightLeg_flightId_fkey" FOREIGN KEY ("flightId") REFERENCES "Flight"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManifestVersion" ADD CONSTRAINT "ManifestVersion_flightId_fkey" FOREIGN KEY ("flightId") REFERENCES "Flight"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManifestVersion" ADD CONSTRAINT "ManifestVersion_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Traveller" ADD CONSTRAINT "Traveller_flightId_fkey" FOREIGN KEY ("flightId") REFERENCES "Flight"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TravellerRevision" ADD CONSTRAINT "TravellerRevision_travellerId_fkey" FOREIGN KEY ("travellerId") REFERENCES "Traveller"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TravelDocument" ADD CONSTRAINT "TravelDocument_travellerId_fkey" FOREIGN KEY ("travellerId") REFERENCES "Traveller"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_travellerId_fkey" FOREIGN KEY ("travellerId") REFERENCES "Traveller"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
