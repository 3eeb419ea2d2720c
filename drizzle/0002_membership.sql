-- pg_trgm gives the trigram similarity behind "Is it one of these?" (drizzle cannot declare extensions).
-- PGlite ships it as a loadable extension: app/db/client.server.ts loads it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "affiliations" DROP CONSTRAINT "affiliations_user_actor_key";--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "motivation" text;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "info_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "info_requested_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "info_request" text;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "info_response" text;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "info_responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "suspended_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "suspended_reason" text;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "ministry_or_mission" text;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "official_email" text;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "info_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "info_requested_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "info_request" text;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "info_response" text;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "info_responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "revocation_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "revocation_requested_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "revocation_request_reason" text;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "revoked_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "affiliations" ADD COLUMN "revoke_reason" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "privacy_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "privacy_notice_version" text;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_info_requested_by_user_id_users_id_fk" FOREIGN KEY ("info_requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_suspended_by_user_id_users_id_fk" FOREIGN KEY ("suspended_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_info_requested_by_user_id_users_id_fk" FOREIGN KEY ("info_requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_revocation_requested_by_user_id_users_id_fk" FOREIGN KEY ("revocation_requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_revoked_by_user_id_users_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actors_pending_name_key" ON "actors" USING btree (lower(regexp_replace(trim("name"), '[[:space:]]+', ' ', 'g'))) WHERE "actors"."status" = 'pending' and "actors"."kind" <> 'state';--> statement-breakpoint
CREATE INDEX "actors_name_trgm_idx" ON "actors" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "actors_status_created_idx" ON "actors" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "affiliations_open_user_actor_key" ON "affiliations" USING btree ("user_id","actor_id") WHERE "affiliations"."status" in ('pending', 'approved');--> statement-breakpoint
CREATE INDEX "affiliations_user_created_idx" ON "affiliations" USING btree ("user_id","created_at");