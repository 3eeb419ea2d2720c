-- Issue 10, the database side (docs/decisions/018): pages that cost what they
-- show at any size. Generated part: the two counter tables, the copies of the actor's kind and
-- sort key on participations and the indexes that read a page in order. Hand-written part below:
-- the backfill and the triggers that keep every copy and count exact in the writing transaction.
-- The counter tables need no page-cache NOTIFY trigger of their own (0008): only triggers on
-- actors and participations write them, in a transaction that already notifies.
CREATE TABLE "actor_counts" (
	"kind" "actor_kind" NOT NULL,
	"status" "actor_status" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "actor_counts_kind_status_pk" PRIMARY KEY("kind","status")
);
--> statement-breakpoint
CREATE TABLE "participant_counts" (
	"initiative_id" uuid NOT NULL,
	"role" "participation_role" NOT NULL,
	"kind" "actor_kind" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "participant_counts_initiative_id_role_kind_pk" PRIMARY KEY("initiative_id","role","kind")
);
--> statement-breakpoint
DROP INDEX "participations_actor_status_idx";--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "actor_kind" "actor_kind";--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "actor_sort_key" text;--> statement-breakpoint
CREATE INDEX "actors_approved_sort_idx" ON "actors" USING btree (translate(lower("name"), 'áàâäãåāăąçćčďéèêëēėęěíìîïīįłñńňóòôöõøōőœŕřśšşťúùûüūůűýÿźżž', 'aaaaaaaaacccdeeeeeeeeiiiiiilnnnooooooooorrssstuuuuuuuyyzzz'),"id") WHERE "actors"."status" = 'approved' and "actors"."kind" <> 'state';--> statement-breakpoint
CREATE INDEX "actors_approved_kind_sort_idx" ON "actors" USING btree ("kind",translate(lower("name"), 'áàâäãåāăąçćčďéèêëēėęěíìîïīįłñńňóòôöõøōőœŕřśšşťúùûüūůűýÿźżž', 'aaaaaaaaacccdeeeeeeeeiiiiiilnnnooooooooorrssstuuuuuuuyyzzz'),"id") WHERE "actors"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "participations_actor_status_role_idx" ON "participations" USING btree ("actor_id","status","role");--> statement-breakpoint
CREATE INDEX "participations_initiative_kind_sort_idx" ON "participations" USING btree ("initiative_id","role","actor_kind","actor_sort_key","actor_id") WHERE "participations"."status" = 'active';
--> statement-breakpoint
UPDATE "participations" p SET "actor_kind" = a."kind", "actor_sort_key" = translate(lower(a."name"), 'áàâäãåāăąçćčďéèêëēėęěíìîïīįłñńňóòôöõøōőœŕřśšşťúùûüūůűýÿźżž', 'aaaaaaaaacccdeeeeeeeeiiiiiilnnnooooooooorrssstuuuuuuuyyzzz') FROM "actors" a WHERE a."id" = p."actor_id";
--> statement-breakpoint
INSERT INTO "actor_counts" ("kind", "status", "n") SELECT "kind", "status", count(*) FROM "actors" GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO "participant_counts" ("initiative_id", "role", "kind", "n")
SELECT p."initiative_id", p."role", a."kind", count(*) FROM "participations" p JOIN "actors" a ON a."id" = p."actor_id"
WHERE p."status" = 'active' AND a."status" = 'approved' GROUP BY 1, 2, 3;
--> statement-breakpoint
-- A participation carries its actor's kind and sort key, whoever writes the row.
CREATE FUNCTION participations_copy_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT a."kind", translate(lower(a."name"), 'áàâäãåāăąçćčďéèêëēėęěíìîïīįłñńňóòôöõøōőœŕřśšşťúùûüūůűýÿźżž', 'aaaaaaaaacccdeeeeeeeeiiiiiilnnnooooooooorrssstuuuuuuuyyzzz') INTO NEW."actor_kind", NEW."actor_sort_key" FROM "actors" a WHERE a."id" = NEW."actor_id";
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER participations_copy_actor BEFORE INSERT OR UPDATE OF "actor_id" ON "participations" FOR EACH ROW EXECUTE FUNCTION participations_copy_actor();
--> statement-breakpoint
-- Renaming an actor (or changing its kind) rewrites the copies of its participations. Counts are
-- not touched here: actors_counts_updated below moves them, and the participations triggers
-- ignore a change of the copies alone.
CREATE FUNCTION actors_copy_to_participations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "participations" SET "actor_kind" = NEW."kind", "actor_sort_key" = translate(lower(NEW."name"), 'áàâäãåāăąçćčďéèêëēėęěíìîïīįłñńňóòôöõøōőœŕřśšşťúùûüūůűýÿźżž', 'aaaaaaaaacccdeeeeeeeeiiiiiilnnnooooooooorrssstuuuuuuuyyzzz') WHERE "actor_id" = NEW."id";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER actors_copy_to_participations AFTER UPDATE OF "name", "kind" ON "actors" FOR EACH ROW
WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."kind" IS DISTINCT FROM NEW."kind") EXECUTE FUNCTION actors_copy_to_participations();
--> statement-breakpoint
-- Counts: statement triggers with transition tables (one grouped upsert per statement, so a bulk
-- load of thousands of rows costs one statement, not thousands). `n = c.n + excluded.n` is applied
-- to the latest committed row under its row lock, so concurrent writers never lose an update;
-- rows are upserted in key order so two writers cannot deadlock on them.
CREATE FUNCTION actors_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "actor_counts" AS c ("kind", "status", "n")
  SELECT "kind", "status", count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("kind", "status") DO UPDATE SET "n" = c."n" + excluded."n";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION actors_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "actor_counts" AS c ("kind", "status", "n")
  SELECT "kind", "status", -count(*) FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("kind", "status") DO UPDATE SET "n" = c."n" + excluded."n";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- An update moves an actor between (kind, status) cells only when one of them changed; when its
-- approval or kind changes, its active participations move between participant_counts cells too.
CREATE FUNCTION actors_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "actor_counts" AS c ("kind", "status", "n")
  SELECT "kind", "status", sum("delta")::int FROM (
    SELECT o."kind", o."status", -1 AS "delta" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE (o."kind", o."status") IS DISTINCT FROM (n."kind", n."status")
    UNION ALL
    SELECT n."kind", n."status", 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE (o."kind", o."status") IS DISTINCT FROM (n."kind", n."status")
  ) d GROUP BY 1, 2 HAVING sum("delta") <> 0 ORDER BY 1, 2
  ON CONFLICT ("kind", "status") DO UPDATE SET "n" = c."n" + excluded."n";
  INSERT INTO "participant_counts" AS c ("initiative_id", "role", "kind", "n")
  SELECT p."initiative_id", p."role", d."kind", sum(d."delta")::int FROM (
    SELECT o."id", o."kind", -1 AS "delta" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE o."status" = 'approved' AND (n."status" <> 'approved' OR n."kind" <> o."kind")
    UNION ALL
    SELECT n."id", n."kind", 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE n."status" = 'approved' AND (o."status" <> 'approved' OR n."kind" <> o."kind")
  ) d JOIN "participations" p ON p."actor_id" = d."id" AND p."status" = 'active'
  GROUP BY 1, 2, 3 HAVING sum(d."delta") <> 0 ORDER BY 1, 2, 3
  ON CONFLICT ("initiative_id", "role", "kind") DO UPDATE SET "n" = c."n" + excluded."n";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER actors_counts_inserted AFTER INSERT ON "actors" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION actors_counts_inserted();
--> statement-breakpoint
CREATE TRIGGER actors_counts_deleted AFTER DELETE ON "actors" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION actors_counts_deleted();
--> statement-breakpoint
CREATE TRIGGER actors_counts_updated AFTER UPDATE ON "actors" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION actors_counts_updated();
--> statement-breakpoint
-- A participation counts while it is active and its actor approved. The actors are locked FOR
-- SHARE before reading their status: an approval or suspension of one of them in flight (which
-- holds its row) is waited for, and the next statement, with a fresh snapshot, sees its outcome;
-- one that comes later waits for this transaction and then sees this participation. Either way
-- each participation is counted once, by whichever of the two transactions commits second.
-- Before that, the initiatives are locked FOR KEY SHARE, so a writer takes the initiative's lock
-- before its counter row, in the order withdrawals and leadership changes do (they lock the
-- initiative FOR UPDATE first): a join and a withdrawal never wait for each other in a cycle.
CREATE FUNCTION participations_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM "initiatives" WHERE "id" IN (SELECT "initiative_id" FROM new_rows WHERE "status" = 'active') ORDER BY "id" FOR KEY SHARE;
    PERFORM 1 FROM "actors" WHERE "id" IN (SELECT "actor_id" FROM new_rows WHERE "status" = 'active') ORDER BY "id" FOR SHARE;
    INSERT INTO "participant_counts" AS c ("initiative_id", "role", "kind", "n")
    SELECT r."initiative_id", r."role", a."kind", count(*) FROM new_rows r JOIN "actors" a ON a."id" = r."actor_id"
    WHERE r."status" = 'active' AND a."status" = 'approved' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("initiative_id", "role", "kind") DO UPDATE SET "n" = c."n" + excluded."n";
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM 1 FROM "initiatives" WHERE "id" IN (SELECT "initiative_id" FROM old_rows WHERE "status" = 'active') ORDER BY "id" FOR KEY SHARE;
    PERFORM 1 FROM "actors" WHERE "id" IN (SELECT "actor_id" FROM old_rows WHERE "status" = 'active') ORDER BY "id" FOR SHARE;
    INSERT INTO "participant_counts" AS c ("initiative_id", "role", "kind", "n")
    SELECT r."initiative_id", r."role", a."kind", -count(*) FROM old_rows r JOIN "actors" a ON a."id" = r."actor_id"
    WHERE r."status" = 'active' AND a."status" = 'approved' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("initiative_id", "role", "kind") DO UPDATE SET "n" = c."n" + excluded."n";
  ELSE
    -- Only rows whose counted fields changed (not the copies of the actor's kind and sort key).
    PERFORM 1 FROM "initiatives" WHERE "id" IN (
      SELECT o."initiative_id" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE (o."status" = 'active' OR n."status" = 'active') AND (o."status", o."role", o."initiative_id", o."actor_id") IS DISTINCT FROM (n."status", n."role", n."initiative_id", n."actor_id")
      UNION
      SELECT n."initiative_id" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE (o."status" = 'active' OR n."status" = 'active') AND (o."status", o."role", o."initiative_id", o."actor_id") IS DISTINCT FROM (n."status", n."role", n."initiative_id", n."actor_id")
    ) ORDER BY "id" FOR KEY SHARE;
    PERFORM 1 FROM "actors" WHERE "id" IN (
      SELECT o."actor_id" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE (o."status" = 'active' OR n."status" = 'active') AND (o."status", o."role", o."initiative_id", o."actor_id") IS DISTINCT FROM (n."status", n."role", n."initiative_id", n."actor_id")
      UNION
      SELECT n."actor_id" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE (o."status" = 'active' OR n."status" = 'active') AND (o."status", o."role", o."initiative_id", o."actor_id") IS DISTINCT FROM (n."status", n."role", n."initiative_id", n."actor_id")
    ) ORDER BY "id" FOR SHARE;
    INSERT INTO "participant_counts" AS c ("initiative_id", "role", "kind", "n")
    SELECT m."initiative_id", m."role", a."kind", sum(m."delta")::int FROM (
      SELECT o."actor_id", o."initiative_id", o."role", -1 AS "delta" FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE o."status" = 'active' AND (o."status", o."role", o."initiative_id", o."actor_id") IS DISTINCT FROM (n."status", n."role", n."initiative_id", n."actor_id")
      UNION ALL
      SELECT n."actor_id", n."initiative_id", n."role", 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE n."status" = 'active' AND (o."status", o."role", o."initiative_id", o."actor_id") IS DISTINCT FROM (n."status", n."role", n."initiative_id", n."actor_id")
    ) m JOIN "actors" a ON a."id" = m."actor_id"
    WHERE a."status" = 'approved' GROUP BY 1, 2, 3 HAVING sum(m."delta") <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("initiative_id", "role", "kind") DO UPDATE SET "n" = c."n" + excluded."n";
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER participations_counts_inserted AFTER INSERT ON "participations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participations_counts_changed();
--> statement-breakpoint
CREATE TRIGGER participations_counts_deleted AFTER DELETE ON "participations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION participations_counts_changed();
--> statement-breakpoint
CREATE TRIGGER participations_counts_updated AFTER UPDATE ON "participations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participations_counts_changed();
--> statement-breakpoint
-- TRUNCATE fires no row or transition trigger: the counts go with the rows.
CREATE FUNCTION directory_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'actors' THEN DELETE FROM "actor_counts"; END IF;
  DELETE FROM "participant_counts";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER actors_counts_truncated AFTER TRUNCATE ON "actors" FOR EACH STATEMENT EXECUTE FUNCTION directory_counts_truncated();
--> statement-breakpoint
CREATE TRIGGER participations_counts_truncated AFTER TRUNCATE ON "participations" FOR EACH STATEMENT EXECUTE FUNCTION directory_counts_truncated();
