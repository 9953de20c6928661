-- CreateIndex
CREATE INDEX "plans_title_id_idx" ON "plans"("title", "id");

-- CreateIndex
CREATE INDEX "plans_archived_at_status_idx" ON "plans"("archived_at", "status");

-- Trigram indexes for the register's search (ILIKE '%…%' on title, summary and case number),
-- which otherwise reads every plan. The extension is written by hand (schema.prisma cannot
-- declare it without a preview feature); the indexes match schema.prisma.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "plans_title_trgm_idx" ON "plans" USING gin ("title" gin_trgm_ops);
CREATE INDEX "plans_summary_trgm_idx" ON "plans" USING gin ("summary" gin_trgm_ops);
CREATE INDEX "plans_case_number_trgm_idx" ON "plans" USING gin ("case_number" gin_trgm_ops);
