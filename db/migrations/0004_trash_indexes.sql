CREATE INDEX "cards_trash_idx" ON "cards" USING btree ("deleted_at","id") WHERE "cards"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "contacts_trash_idx" ON "contacts" USING btree ("deleted_at","id") WHERE "contacts"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "todos_trash_idx" ON "todos" USING btree ("deleted_at","id") WHERE "todos"."deleted_at" is not null;