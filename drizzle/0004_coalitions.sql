CREATE TYPE "public"."lead_invitation_status" AS ENUM('pending', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."participation_event_kind" AS ENUM('requested', 'joined', 'declined', 'withdrawn', 'rejoined', 'lead_added', 'lead_removed');--> statement-breakpoint
ALTER TYPE "public"."initiative_status" ADD VALUE 'changes_requested';--> statement-breakpoint
CREATE TABLE "lead_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"status" "lead_invitation_status" DEFAULT 'pending' NOT NULL,
	"invited_by_user_id" uuid,
	"answered_by_user_id" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"initiative_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"kind" "participation_event_kind" NOT NULL,
	"status" "participation_status" NOT NULL,
	"role" "participation_role" NOT NULL,
	"by_user_id" uuid,
	"reason" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "language" "locale" DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_invitations" ADD CONSTRAINT "lead_invitations_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_invitations" ADD CONSTRAINT "lead_invitations_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_invitations" ADD CONSTRAINT "lead_invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_invitations" ADD CONSTRAINT "lead_invitations_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_events" ADD CONSTRAINT "participation_events_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_events" ADD CONSTRAINT "participation_events_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_events" ADD CONSTRAINT "participation_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lead_invitations_pending_key" ON "lead_invitations" USING btree ("initiative_id","actor_id") WHERE "lead_invitations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "lead_invitations_actor_status_idx" ON "lead_invitations" USING btree ("actor_id","status");--> statement-breakpoint
CREATE INDEX "participation_events_initiative_occurred_idx" ON "participation_events" USING btree ("initiative_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "participation_events_actor_idx" ON "participation_events" USING btree ("actor_id");--> statement-breakpoint
-- Participation history is append-only in the database itself, like the audit log.
CREATE OR REPLACE FUNCTION participation_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'participation_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER participation_events_no_update_delete
  BEFORE UPDATE OR DELETE ON participation_events
  FOR EACH ROW EXECUTE FUNCTION participation_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER participation_events_no_truncate
  BEFORE TRUNCATE ON participation_events
  FOR EACH STATEMENT EXECUTE FUNCTION participation_events_refuse_change();
--> statement-breakpoint
-- Backfill: each existing participation gets the events its row implies (the same statement as
-- backfillParticipationEvents in app/domain/coalitions/history.server.ts).
INSERT INTO participation_events (initiative_id, actor_id, kind, status, role, by_user_id, occurred_at)
SELECT p.initiative_id, p.actor_id,
       CASE WHEN p.status IN ('requested', 'declined') THEN 'requested' ELSE 'joined' END::participation_event_kind,
       CASE WHEN p.status IN ('requested', 'declined') THEN 'requested' ELSE 'active' END::participation_status,
       p.role, p.signed_by_user_id, p.signed_at
  FROM participations p
UNION ALL
SELECT p.initiative_id, p.actor_id, p.status::text::participation_event_kind, p.status, p.role,
       p.decided_by_user_id, greatest(coalesce(p.decided_at, p.updated_at), p.signed_at)
  FROM participations p
 WHERE p.status IN ('withdrawn', 'declined');
