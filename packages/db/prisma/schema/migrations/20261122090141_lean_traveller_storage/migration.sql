-- DropIndex
DROP INDEX "Finding_source_code_idx";

-- DropIndex
DROP INDEX "TravelDocument_travellerId_idx";

-- DropIndex
DROP INDEX "Traveller_surname_idx";

-- DropIndex
DROP INDEX "TravellerRevision_travellerId_revision_key";

-- AlterTable
ALTER TABLE "TravelDocument" DROP CONSTRAINT "TravelDocument_pkey",
ADD CONSTRAINT "TravelDocument_pkey" PRIMARY KEY ("travellerId", "id");

-- AlterTable
ALTER TABLE "TravellerRevision" DROP CONSTRAINT "TravellerRevision_pkey",
ADD CONSTRAINT "TravellerRevision_pkey" PRIMARY KEY ("travellerId", "revision");

-- Raw submissions and manifest versions are tens of kilobytes each and compressed on every
-- insert: lz4 costs a fraction of pglz's CPU. Servers built without lz4 (PGlite) keep pglz.
DO $$
BEGIN
  ALTER TABLE "Submission" ALTER COLUMN "raw" SET COMPRESSION lz4;
  ALTER TABLE "ManifestVersion" ALTER COLUMN "manifest" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END $$;
