CREATE TABLE "card_count_deltas" (
	"module_id" uuid NOT NULL,
	"status_id" uuid NOT NULL,
	"delta" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "card_count_deltas_module_idx" ON "card_count_deltas" USING btree ("module_id","status_id","delta");--> statement-breakpoint
-- Every change to which module/status a live card counts in writes a −1 for where it was and a +1 for where it is.
CREATE FUNCTION "card_count_deltas_track"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN
    INSERT INTO card_count_deltas (module_id, status_id, delta) VALUES (OLD.module_id, OLD.status_id, -1);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN
    INSERT INTO card_count_deltas (module_id, status_id, delta) VALUES (NEW.module_id, NEW.status_id, 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "cards_count_insert_delete" AFTER INSERT OR DELETE ON "cards" FOR EACH ROW EXECUTE FUNCTION "card_count_deltas_track"();
--> statement-breakpoint
CREATE TRIGGER "cards_count_update" AFTER UPDATE OF "module_id", "status_id", "deleted_at" ON "cards" FOR EACH ROW
  WHEN (OLD.module_id IS DISTINCT FROM NEW.module_id OR OLD.status_id IS DISTINCT FROM NEW.status_id OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
  EXECUTE FUNCTION "card_count_deltas_track"();
--> statement-breakpoint
INSERT INTO "card_count_deltas" ("module_id", "status_id", "delta")
  SELECT "module_id", "status_id", count(*) FROM "cards" WHERE "deleted_at" IS NULL GROUP BY 1, 2;
