CREATE TABLE "initiative_translations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"locale" "locale" NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"updated_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce("initiative_translations"."title", '')), 'A') || setweight(to_tsvector('simple', coalesce("initiative_translations"."summary", '')), 'B')) STORED,
	CONSTRAINT "initiative_translations_initiative_locale_key" UNIQUE("initiative_id","locale"),
	CONSTRAINT "initiative_translations_title_not_blank" CHECK (length(trim("initiative_translations"."title")) > 0)
);
--> statement-breakpoint
ALTER TABLE "initiative_translations" ADD CONSTRAINT "initiative_translations_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_translations" ADD CONSTRAINT "initiative_translations_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_translations_search_idx" ON "initiative_translations" USING gin ("search");