CREATE TABLE "currency_rates" (
	"currency" text NOT NULL,
	"month" date NOT NULL,
	"rate" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "currency_rates_currency_month_pk" PRIMARY KEY("currency","month")
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"history_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"card_id" uuid NOT NULL,
	"module_id" uuid NOT NULL,
	"user_id" uuid,
	"from_status_id" uuid,
	"to_status_id" uuid,
	"to_group" text,
	"entered_at" timestamp with time zone,
	"amount" double precision,
	"currency" text,
	"todo_id" uuid,
	"deadline" timestamp with time zone,
	"email_id" uuid,
	"by_automation" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "report_currency" text DEFAULT 'HUF' NOT NULL;--> statement-breakpoint
CREATE INDEX "report_events_at_idx" ON "report_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "report_events_card_idx" ON "report_events" USING btree ("card_id","at");--> statement-breakpoint
-- The report facts of the given history rows (see db/schema/reports.ts). One function for the trigger
-- and for filling the table from the history already there.
CREATE FUNCTION "record_report_events"(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_events (history_id, at, kind, card_id, module_id, user_id, from_status_id, to_status_id, to_group, entered_at, amount, currency, todo_id, deadline, email_id, by_automation)
  WITH h AS (
    SELECT h.id, h.at, h.card_id, h.actor_id, h.kind, h.data, c.module_id, c.owner_id, c.status_id,
      c.values -> (SELECT f.id::text FROM fields f WHERE f.module_id = c.module_id AND f.type = 'money' AND f.archived_at IS NULL ORDER BY f.position, f.id LIMIT 1) AS money
    FROM history h JOIN cards c ON c.id = h.card_id
    WHERE h.id = ANY(ids) AND h.kind IN ('card_created', 'status_changed', 'todo_completed', 'email', 'automation_step')
  ),
  moves AS (
    SELECT h.*,
      CASE WHEN h.kind = 'status_changed' THEN (h.data->>'old')::uuid END AS from_status,
      CASE WHEN h.kind = 'status_changed' THEN (h.data->>'new')::uuid ELSE coalesce((h.data->>'statusId')::uuid, h.status_id) END AS to_status,
      CASE WHEN h.kind = 'card_created' AND h.data ? 'ownerId' THEN (h.data->>'ownerId')::uuid ELSE h.owner_id END AS credited,
      -- Several moves of one card in one statement (an import, the demo): the previous one is in this batch.
      lag(h.at) OVER (PARTITION BY h.card_id ORDER BY h.at, h.id) AS batch_prev
    FROM h WHERE h.kind IN ('card_created', 'status_changed')
  )
  SELECT m.id, m.at, CASE WHEN m.kind = 'card_created' THEN 'created' ELSE 'status' END, m.card_id, m.module_id, m.credited,
    m.from_status, m.to_status, s."group",
    CASE WHEN m.kind = 'status_changed' THEN greatest(m.batch_prev,
      (SELECT max(r.at) FROM report_events r WHERE r.card_id = m.card_id AND r.kind IN ('created', 'status') AND r.at <= m.at)) END,
    CASE WHEN jsonb_typeof(m.money -> 'amount') = 'number' THEN (m.money ->> 'amount')::float8 END,
    CASE WHEN jsonb_typeof(m.money -> 'amount') = 'number' THEN m.money ->> 'currency' END,
    NULL::uuid, NULL::timestamptz, NULL::uuid, false
  FROM moves m LEFT JOIN statuses s ON s.id = m.to_status
  UNION ALL
  SELECT h.id, h.at, 'todo_done', h.card_id, h.module_id, (h.data->>'assigneeId')::uuid, NULL, NULL, NULL, NULL, NULL, NULL,
    (h.data->>'todoId')::uuid, (h.data->>'deadline')::timestamptz, NULL, false
  FROM h WHERE h.kind = 'todo_completed'
  UNION ALL
  SELECT h.id, h.at, 'email', h.card_id, h.module_id, h.actor_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, (h.data->>'emailId')::uuid, false
  FROM h WHERE h.kind = 'email' AND h.data ? 'emailId'
  UNION ALL
  SELECT h.id, h.at, 'step', h.card_id, h.module_id, h.owner_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, true
  FROM h WHERE h.kind = 'automation_step' AND h.data->>'outcome' = 'done'
  UNION ALL
  SELECT h.id, h.at, 'email', h.card_id, h.module_id, h.owner_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, e.id::uuid, true
  FROM h CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(h.data->'emailIds') = 'array' THEN h.data->'emailIds' ELSE '[]' END) AS e(id)
  WHERE h.kind = 'automation_step' AND h.data->>'outcome' = 'done';

  -- A reopened todo was not done after all: its earlier completions stop counting (after the insert,
  -- so a completion and its reopening in one batch cancel out too).
  DELETE FROM report_events r USING history h
  WHERE h.id = ANY(ids) AND h.kind = 'todo_reopened'
    AND r.card_id = h.card_id AND r.kind = 'todo_done' AND r.todo_id = (h.data->>'todoId')::uuid AND r.at <= h.at;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "report_events_track"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM record_report_events(ARRAY(SELECT id FROM new_rows
    WHERE kind IN ('card_created', 'status_changed', 'todo_completed', 'todo_reopened', 'email', 'automation_step')));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "history_report_events" AFTER INSERT ON "history" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "report_events_track"();
--> statement-breakpoint
-- The history already there, in order (owners and money values as they are now: the past did not keep them).
SELECT record_report_events(ARRAY(SELECT id FROM history ORDER BY at, id));
