-- Hand-written (perf branch, issue 10): every change to the data the public pages show tells
-- every app instance to forget its cached pages. The trigger runs in the writing transaction;
-- PostgreSQL delivers the NOTIFY at commit (never for a rolled-back change), once per
-- transaction and table, to each instance LISTENing on public_data_changed
-- (server/invalidation.ts). The payload names the table, for finer invalidation later.
CREATE OR REPLACE FUNCTION notify_public_data_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('public_data_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- One line per public table: a table added later (initiative_translations, …) needs only its own.
CREATE TRIGGER actors_public_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON actors FOR EACH STATEMENT EXECUTE FUNCTION notify_public_data_changed();
--> statement-breakpoint
CREATE TRIGGER affiliations_public_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON affiliations FOR EACH STATEMENT EXECUTE FUNCTION notify_public_data_changed();
--> statement-breakpoint
CREATE TRIGGER initiatives_public_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON initiatives FOR EACH STATEMENT EXECUTE FUNCTION notify_public_data_changed();
--> statement-breakpoint
CREATE TRIGGER participations_public_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON participations FOR EACH STATEMENT EXECUTE FUNCTION notify_public_data_changed();
--> statement-breakpoint
CREATE TRIGGER participation_events_public_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON participation_events FOR EACH STATEMENT EXECUTE FUNCTION notify_public_data_changed();
--> statement-breakpoint
CREATE TRIGGER meetings_public_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION notify_public_data_changed();
--> statement-breakpoint
CREATE TRIGGER countries_public_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON countries FOR EACH STATEMENT EXECUTE FUNCTION notify_public_data_changed();
--> statement-breakpoint
CREATE TRIGGER initiative_translations_public_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON initiative_translations FOR EACH STATEMENT EXECUTE FUNCTION notify_public_data_changed();
