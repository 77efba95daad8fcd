-- CreateTable
CREATE TABLE "ReferenceSmugglingRoutesVersion" (
    "id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceSmugglingRoutesVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceSmugglingRoutesVersion_version_key" ON "ReferenceSmugglingRoutesVersion"("version");
