CREATE INDEX "cards_values_idx" ON "cards" USING gin ("values" jsonb_path_ops) WHERE "cards"."deleted_at" is null;--> statement-breakpoint
-- Range conditions of views on a number, money or date field (lib/views/compile-view.ts): one btree per such
-- field on its value, written exactly as the compiler reads it (the planner matches the expression), over the
-- live cards that have one (so other modules' cards never touch it). The GIN index answers equality.
CREATE FUNCTION "cards_field_value_index"(field_id uuid, field_type text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  value text := format('("values" -> %L::text)', field_id::text);
  expr text;
BEGIN
  IF field_type = 'money' THEN
    value := format('(%s -> ''amount''::text)', value);
  END IF;
  IF field_type IN ('number', 'money') THEN
    expr := format('(CASE WHEN jsonb_typeof(%s) = ''number''::text THEN (%s)::numeric END)', value, value);
  ELSIF field_type = 'date' THEN
    expr := format('(("values" ->> %L::text) COLLATE "C")', field_id::text);
  ELSE
    RETURN;
  END IF;
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON "cards" (%s) WHERE "deleted_at" IS NULL AND %s IS NOT NULL',
    'cards_field_' || replace(field_id::text, '-', '') || '_idx', expr, expr);
END
$$;
--> statement-breakpoint
-- Every way a field comes to exist (addField, the demo seed, imports, the benchmark) gets its index.
CREATE FUNCTION "fields_value_index_track"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "cards_field_value_index"(NEW.id, NEW.type);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "fields_value_index" AFTER INSERT ON "fields" FOR EACH ROW EXECUTE FUNCTION "fields_value_index_track"();
--> statement-breakpoint
SELECT "cards_field_value_index"("id", "type") FROM "fields";
