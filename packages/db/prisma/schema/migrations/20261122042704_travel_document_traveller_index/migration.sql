-- CreateIndex
CREATE INDEX "TravelDocument_travellerId_idx" ON "TravelDocument"("travellerId");
