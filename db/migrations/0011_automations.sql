CREATE TABLE "automation_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"automation_id" uuid NOT NULL,
	"card_id" uuid NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"with_steps" boolean DEFAULT true NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "automation_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "automation_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"automation_id" uuid NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automation_step_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"automation_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"card_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"email_ids" jsonb,
	"todo_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "automation_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"automation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"delay_days" integer DEFAULT 0 NOT NULL,
	"send_time" text,
	"working_days_only" boolean DEFAULT false NOT NULL,
	"email_template_id" uuid,
	"todo_template_id" uuid,
	"todo_text" text,
	"todo_type" text,
	"recipient" text NOT NULL,
	"user_id" uuid,
	"sender" text DEFAULT 'card_owner' NOT NULL,
	"sender_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module_id" uuid NOT NULL,
	"name" text NOT NULL,
	"trigger" text NOT NULL,
	"status_id" uuid,
	"view_id" uuid,
	"only_new" boolean DEFAULT false NOT NULL,
	"kind" text DEFAULT 'continuous' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"scope_group_ids" jsonb,
	"created_by_id" uuid,
	"activated_at" timestamp with time zone,
	"activated_by_id" uuid,
	"switched_off_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "holidays" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "automation_enrolments" ADD CONSTRAINT "automation_enrolments_automation_id_automations_id_fk" FOREIGN KEY ("automation_id") REFERENCES "public"."automations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_enrolments" ADD CONSTRAINT "automation_enrolments_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_events" ADD CONSTRAINT "automation_events_automation_id_automations_id_fk" FOREIGN KEY ("automation_id") REFERENCES "public"."automations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_events" ADD CONSTRAINT "automation_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_step_runs" ADD CONSTRAINT "automation_step_runs_automation_id_automations_id_fk" FOREIGN KEY ("automation_id") REFERENCES "public"."automations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_step_runs" ADD CONSTRAINT "automation_step_runs_step_id_automation_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."automation_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_step_runs" ADD CONSTRAINT "automation_step_runs_enrolment_id_automation_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."automation_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_step_runs" ADD CONSTRAINT "automation_step_runs_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_steps" ADD CONSTRAINT "automation_steps_automation_id_automations_id_fk" FOREIGN KEY ("automation_id") REFERENCES "public"."automations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_steps" ADD CONSTRAINT "automation_steps_email_template_id_email_templates_id_fk" FOREIGN KEY ("email_template_id") REFERENCES "public"."email_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_steps" ADD CONSTRAINT "automation_steps_todo_template_id_todo_templates_id_fk" FOREIGN KEY ("todo_template_id") REFERENCES "public"."todo_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_steps" ADD CONSTRAINT "automation_steps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_steps" ADD CONSTRAINT "automation_steps_sender_user_id_users_id_fk" FOREIGN KEY ("sender_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automations" ADD CONSTRAINT "automations_module_id_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automations" ADD CONSTRAINT "automations_status_id_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."statuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automations" ADD CONSTRAINT "automations_view_id_views_id_fk" FOREIGN KEY ("view_id") REFERENCES "public"."views"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automations" ADD CONSTRAINT "automations_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automations" ADD CONSTRAINT "automations_activated_by_id_users_id_fk" FOREIGN KEY ("activated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "automation_enrolments_active_idx" ON "automation_enrolments" USING btree ("automation_id","card_id") WHERE "automation_enrolments"."state" = 'active';--> statement-breakpoint
CREATE INDEX "automation_enrolments_card_idx" ON "automation_enrolments" USING btree ("card_id","automation_id","entered_at");--> statement-breakpoint
CREATE INDEX "automation_events_automation_idx" ON "automation_events" USING btree ("automation_id","at");--> statement-breakpoint
CREATE INDEX "automation_step_runs_automation_idx" ON "automation_step_runs" USING btree ("automation_id","state");--> statement-breakpoint
CREATE INDEX "automation_step_runs_enrolment_idx" ON "automation_step_runs" USING btree ("enrolment_id") WHERE "automation_step_runs"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "automation_step_runs_due_idx" ON "automation_step_runs" USING btree ("automation_id","due_at") WHERE "automation_step_runs"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "automation_step_runs_card_idx" ON "automation_step_runs" USING btree ("card_id");--> statement-breakpoint
CREATE INDEX "automation_steps_automation_idx" ON "automation_steps" USING btree ("automation_id","position");--> statement-breakpoint
CREATE INDEX "automation_steps_sender_idx" ON "automation_steps" USING btree ("sender_user_id") WHERE "automation_steps"."sender_user_id" is not null;--> statement-breakpoint
CREATE INDEX "automation_steps_user_idx" ON "automation_steps" USING btree ("user_id") WHERE "automation_steps"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "automations_module_idx" ON "automations" USING btree ("module_id","state","created_at");--> statement-breakpoint
CREATE INDEX "automations_view_idx" ON "automations" USING btree ("view_id") WHERE "automations"."view_id" is not null;