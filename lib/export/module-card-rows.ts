import { and, asc, eq, gt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { cards, fields, statuses, users, type FieldOptions, type FieldType, type FieldValue } from "@/db/schema";
import { exportPageRows } from "./keyset-rows";

type ExportField = { id: string; name: string; type: FieldType; options: FieldOptions };

/** A module's cards as a spreadsheet would have them: the card's own columns, then one per custom field (two for money). */
export type ModuleCardSheet = { header: string[]; pages: AsyncGenerator<{ cells: string[]; record: Record<string, unknown> }[]> };

const fixedHeader = ["id", "name", "status", "owner", "contacts", "created_at", "updated_at", "last_activity_at", "deleted_at"];

/** A field's value as text a person (and our import) reads back: choice labels, user emails, plain numbers. */
function fieldCell(field: ExportField, value: FieldValue | undefined, userEmail: (id: string) => string): string {
  if (value === null || value === undefined) return "";
  const label = (id: string) => field.options.choices?.find((c) => c.id === id)?.label ?? id;
  switch (field.type) {
    case "money":
      return typeof value === "object" && !Array.isArray(value) ? String(value.amount) : String(value);
    case "select":
      return label(String(value));
    case "multi_select":
      return (Array.isArray(value) ? value : [String(value)]).map(label).join(", ");
    case "user":
      return userEmail(String(value));
    default:
      return String(value);
  }
}

const currencyOf = (field: ExportField, value: FieldValue | undefined) =>
  value && typeof value === "object" && !Array.isArray(value) ? value.currency : value === null || value === undefined ? "" : (field.options.currency ?? "");

/** Every card of a module (live and trashed), a keyset page at a time, with its status, owner and contacts by name. */
export async function moduleCardSheet(db: Db, moduleId: string): Promise<ModuleCardSheet> {
  const moduleFields: ExportField[] = await db
    .select({ id: fields.id, name: fields.name, type: fields.type, options: fields.options })
    .from(fields)
    .where(eq(fields.moduleId, moduleId))
    .orderBy(asc(fields.position), asc(fields.id));
  const emails = new Map((await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.id, u.email]));
  const userEmail = (id: string) => emails.get(id) ?? id;
  const header = [...fixedHeader, ...moduleFields.flatMap((f) => (f.type === "money" ? [f.name, `${f.name} (currency)`] : [f.name]))];
  const owner = alias(users, "owner");

  async function* pages() {
    let after: string | null = null;
    for (;;) {
      const rows = await db
        .select({
          id: cards.id,
          name: cards.name,
          status: statuses.name,
          owner: owner.email,
          contacts: sql<string>`coalesce((select string_agg(c.name, '; ' order by cc.position) from card_contacts cc join contacts c on c.id = cc.contact_id where cc.card_id = ${cards.id}), '')`,
          values: cards.values,
          createdAt: cards.createdAt,
          updatedAt: cards.updatedAt,
          lastActivityAt: cards.lastActivityAt,
          deletedAt: cards.deletedAt,
        })
        .from(cards)
        .innerJoin(statuses, eq(statuses.id, cards.statusId))
        .leftJoin(owner, eq(owner.id, cards.ownerId))
        .where(after ? and(eq(cards.moduleId, moduleId), gt(cards.id, after)) : eq(cards.moduleId, moduleId))
        .orderBy(asc(cards.id))
        .limit(exportPageRows);
      if (rows.length) {
        yield rows.map((r) => {
          const own = [r.id, r.name, r.status, r.owner ?? "", r.contacts, r.createdAt.toISOString(), r.updatedAt.toISOString(), r.lastActivityAt.toISOString(), r.deletedAt?.toISOString() ?? ""];
          const custom = moduleFields.flatMap((f) => {
            const value = r.values[f.id];
            const cell = fieldCell(f, value, userEmail);
            return f.type === "money" ? [cell, currencyOf(f, value)] : [cell];
          });
          const cells = [...own, ...custom];
          return { cells, record: Object.fromEntries(header.map((h, i) => [h, cells[i]])) };
        });
      }
      if (rows.length < exportPageRows) return;
      after = rows[rows.length - 1].id;
    }
  }
  return { header, pages: pages() };
}
