ALTER TABLE "countries" ADD COLUMN "search_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "countries_search_key_trgm_idx" ON "countries" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
-- Hand-written backfill: the names already stored, lower-cased, until the reference-data loader
-- (run at every start-up) writes the full folded key with accents removed and aliases added.
UPDATE "countries" SET "search_key" = '|' || lower("name_en") || '|' || lower("name_fr") || '|' || lower("name_es") || '|' WHERE "search_key" = '';
