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
CREATE TABLE "report_rollups" (
	"grain" text NOT NULL,
	"start" date NOT NULL,
	"user_id" uuid,
	"module_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"to_group" text,
	"status_id" uuid,
	"late" boolean DEFAULT false NOT NULL,
	"currency" text,
	"n" integer NOT NULL,
	"amount" double precision,
	"dwell_s" double precision,
	"dwell_bucket" smallint,
	"folded" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "report_currency" text DEFAULT 'HUF' NOT NULL;--> statement-breakpoint
CREATE INDEX "report_events_at_idx" ON "report_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "report_events_card_idx" ON "report_events" USING btree ("card_id","at");--> statement-breakpoint
CREATE INDEX "report_events_email_idx" ON "report_events" USING btree ("at") WHERE "report_events"."kind" = 'email';--> statement-breakpoint
CREATE INDEX "report_events_late_idx" ON "report_events" USING btree ("at","user_id","module_id","deadline") WHERE "report_events"."kind" = 'todo_done' and "report_events"."at" > "report_events"."deadline";--> statement-breakpoint
CREATE INDEX "report_rollups_slice_idx" ON "report_rollups" USING btree ("grain","start","module_id") WHERE "report_rollups"."kind" <> 'exit';--> statement-breakpoint
CREATE INDEX "report_rollups_exits_idx" ON "report_rollups" USING btree ("grain","start","module_id") WHERE "report_rollups"."kind" = 'exit';--> statement-breakpoint
CREATE INDEX "report_rollups_unfolded_idx" ON "report_rollups" USING btree ("grain","start") WHERE not "report_rollups"."folded";--> statement-breakpoint
-- A salesperson's calendar zone, as loadCalendars (lib/automations/timing.ts) picks it: their first group
-- by name that has a zone or days off, that group's zone, else the organisation's. NULL: the organisation's.
CREATE FUNCTION "report_zone"(uid uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT g.time_zone FROM group_members m JOIN groups g ON g.id = m.group_id
      WHERE m.user_id = uid AND (g.time_zone IS NOT NULL OR jsonb_array_length(g.holidays) > 0)
      ORDER BY g.name, g.id LIMIT 1),
    (SELECT o.time_zone FROM organisation o LIMIT 1),
    'Europe/Budapest')
$$;
--> statement-breakpoint
-- The rollup rows (db/schema/reports.ts) of the given report events, each counted `sign` times: one row
-- per key for the day, the week and the month of the event on its salesperson's calendar. A query
-- (STABLE), so a caller can delete and insert in one statement, on one snapshot.
CREATE FUNCTION "report_rollup_rows"(event_ids bigint[], sign int)
  RETURNS TABLE (grain text, start date, user_id uuid, module_id uuid, kind text, to_group text, status_id uuid, late boolean, currency text, dwell_bucket smallint, n int, amount float8, dwell_s float8)
  LANGUAGE sql STABLE AS $$
  WITH ev AS (
    SELECT r.* FROM report_events r WHERE r.id = ANY(event_ids) AND r.kind IN ('created', 'status', 'todo_done', 'step')
  ), zones AS (
    -- Each salesperson's zone once, not once per event (an import's batch is one person's thousand cards).
    SELECT u.user_id, report_zone(u.user_id) AS zone FROM (SELECT DISTINCT ev.user_id FROM ev) u
  ), e AS (
    SELECT ev.*, (ev.at AT TIME ZONE z.zone)::date AS day FROM ev JOIN zones z ON z.user_id IS NOT DISTINCT FROM ev.user_id
  ), x AS (
    SELECT e.day, e.user_id, e.module_id, e.kind, e.to_group, e.to_status_id AS status_id,
      (e.kind = 'todo_done' AND e.at > e.deadline) AS late,
      CASE WHEN e.to_group IN ('won', 'lost') THEN e.currency END AS currency,
      NULL::smallint AS dwell_bucket,
      CASE WHEN e.to_group IN ('won', 'lost') THEN e.amount END AS amount,
      NULL::float8 AS dwell_s
    FROM e
    UNION ALL
    SELECT e.day, e.user_id, e.module_id, 'exit', NULL, e.from_status_id, false, NULL,
      floor(4 * log(2, greatest(extract(epoch FROM e.at - e.entered_at), 1)::numeric))::smallint, NULL, extract(epoch FROM e.at - e.entered_at)::float8
    FROM e WHERE e.kind = 'status' AND e.entered_at IS NOT NULL AND e.from_status_id IS NOT NULL
  )
  SELECT g.grain,
    CASE g.grain WHEN 'day' THEN x.day WHEN 'week' THEN x.day - (extract(isodow FROM x.day)::int - 1) ELSE date_trunc('month', x.day)::date END,
    x.user_id, x.module_id, x.kind, x.to_group, x.status_id, x.late, x.currency, x.dwell_bucket,
    (sign * count(*))::int, sign * sum(x.amount), sign * sum(x.dwell_s)
  FROM x CROSS JOIN (VALUES ('day'), ('week'), ('month')) AS g(grain)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
$$;
--> statement-breakpoint
-- The report facts of the given history rows (see db/schema/reports.ts). One function for the trigger
-- and for filling the table from the history already there.
CREATE FUNCTION "record_report_events"(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  added bigint[];
  undone bigint[];
BEGIN
  WITH added_rows AS (
  INSERT INTO report_events (history_id, at, kind, card_id, module_id, user_id, from_status_id, to_status_id, to_group, entered_at, amount, currency, todo_id, deadline, email_id, by_automation)
  WITH hc AS (
    SELECT h.id, h.at, h.card_id, h.actor_id, h.kind, h.data, c.module_id, c.owner_id, c.status_id, c.values
    FROM history h JOIN cards c ON c.id = h.card_id
    WHERE h.id = ANY(ids) AND h.kind IN ('card_created', 'status_changed', 'todo_completed', 'email', 'automation_step')
  ), money_fields AS (
    -- A card's value is its module's first money field: looked up once per module, not once per row.
    SELECT m.module_id, (SELECT f.id::text FROM fields f WHERE f.module_id = m.module_id AND f.type = 'money' AND f.archived_at IS NULL
      ORDER BY f.position, f.id LIMIT 1) AS field_id
    FROM (SELECT DISTINCT hc.module_id FROM hc) m
  ), h AS (
    SELECT hc.*, hc.values -> mf.field_id AS money FROM hc JOIN money_fields mf ON mf.module_id = hc.module_id
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
  WHERE h.kind = 'automation_step' AND h.data->>'outcome' = 'done'
  RETURNING id)
  SELECT array_agg(id) INTO added FROM added_rows;
  INSERT INTO report_rollups (grain, start, user_id, module_id, kind, to_group, status_id, late, currency, dwell_bucket, n, amount, dwell_s)
    SELECT * FROM report_rollup_rows(added, 1);

  -- A reopened todo was not done after all: its earlier completions stop counting (after the insert,
  -- so a completion and its reopening in one batch cancel out too).
  SELECT array_agg(r.id) INTO undone FROM report_events r JOIN history h
    ON h.id = ANY(ids) AND h.kind = 'todo_reopened'
    AND r.card_id = h.card_id AND r.kind = 'todo_done' AND r.todo_id = (h.data->>'todoId')::uuid AND r.at <= h.at;
  IF undone IS NOT NULL THEN
    INSERT INTO report_rollups (grain, start, user_id, module_id, kind, to_group, status_id, late, currency, dwell_bucket, n, amount, dwell_s)
      SELECT * FROM report_rollup_rows(undone, -1);
    DELETE FROM report_events WHERE id = ANY(undone);
  END IF;
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
-- Readers fold: every slice (grain, start) that has new rows becomes one row per key. Rows another
-- fold holds are skipped, not waited for; a rebuild and a fold never run at once (the advisory lock).
CREATE FUNCTION "fold_report_rollups"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('report_rollups')) THEN RETURN; END IF;
  WITH slices AS (SELECT DISTINCT r.grain, r.start FROM report_rollups r WHERE NOT r.folded),
  gone AS (
    DELETE FROM report_rollups r WHERE r.ctid = ANY(ARRAY(
      SELECT x.ctid FROM report_rollups x JOIN slices s ON s.grain = x.grain AND s.start = x.start FOR UPDATE OF x SKIP LOCKED))
    RETURNING r.*)
  INSERT INTO report_rollups (grain, start, user_id, module_id, kind, to_group, status_id, late, currency, dwell_bucket, n, amount, dwell_s, folded)
  SELECT g.grain, g.start, g.user_id, g.module_id, g.kind, g.to_group, g.status_id, g.late, g.currency, g.dwell_bucket, sum(g.n), sum(g.amount), sum(g.dwell_s), true
  FROM gone g GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 HAVING sum(g.n) <> 0;
END
$$;
--> statement-breakpoint
-- When people's calendars change (a group's zone, name or members), their rows are counted again on
-- the new calendar: deleted and inserted in one statement, so no event is counted twice or lost.
CREATE FUNCTION "rebuild_report_rollups"(user_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('report_rollups'));
  WITH gone AS (DELETE FROM report_rollups WHERE user_id = ANY(user_ids))
  INSERT INTO report_rollups (grain, start, user_id, module_id, kind, to_group, status_id, late, currency, dwell_bucket, n, amount, dwell_s, folded)
  SELECT *, true FROM report_rollup_rows(ARRAY(SELECT id FROM report_events WHERE user_id = ANY(user_ids)), 1);
END
$$;
--> statement-breakpoint
-- The history already there, in order (owners and money values as they are now: the past did not keep them).
SELECT record_report_events(ARRAY(SELECT id FROM history ORDER BY at, id));
--> statement-breakpoint
SELECT fold_report_rollups();
