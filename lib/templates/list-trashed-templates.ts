import { and, desc, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { emailTemplates, modules, todoTemplates, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { displayName } from "@/lib/cards/list-card-users";
import { forbidden, invalid } from "@/lib/errors";
import type { TrashPage, TrashPageInput } from "@/lib/trash/list-trash";
import { trashPageSchema } from "@/lib/trash/list-trash";

export type TrashedTemplate = {
  kind: "email" | "todo";
  id: string;
  /** An email template's name; a todo template's text. */
  name: string;
  moduleId: string;
  moduleName: string;
  deletedAt: Date;
  deletedById: string | null;
  deletedByName: string | null;
};

type Cursor = { at: string; id: string };
/** The key as UTC wall-clock text with microseconds: sorts as text the way the timestamps sort, across both tables. */
const keyPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const encode = (c: Cursor) => Buffer.from(JSON.stringify([c.at, c.id])).toString("base64url");
function decode(cursor: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && keyPattern.test(at) && typeof id === "string" && z.uuid().safeParse(id).success) return { at, id };
  } catch {
    // fall through
  }
  throw invalid("invalid_input", { cursor: "invalid_input" });
}

/**
 * Trashed email and todo templates, most recently trashed first, one keyset page at a time over both
 * tables — for whoever may write templates (they are the ones who may restore them).
 */
export async function listTrashedTemplates(db: Db, actor: Actor, raw: TrashPageInput = {}): Promise<TrashPage<TrashedTemplate>> {
  if (!can(actor, "templates.manage")) throw forbidden();
  const input = trashPageSchema.parse(raw);
  const cursor = input.cursor ? decode(input.cursor) : null;
  const limit = input.limit;

  const load = async (kind: "email" | "todo") => {
    const t = kind === "email" ? emailTemplates : todoTemplates;
    const key = sql<string>`to_char(${t.deletedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
    const after: SQL | undefined = cursor ? sql`(${t.deletedAt}, ${t.id}) < (${cursor.at}::timestamp at time zone 'UTC', ${cursor.id}::uuid)` : undefined;
    const rows = await db
      .select({
        id: t.id,
        name: kind === "email" ? emailTemplates.name : todoTemplates.text,
        moduleId: t.moduleId,
        moduleName: modules.name,
        deletedAt: t.deletedAt,
        deletedById: t.deletedById,
        sortKey: key,
        firstName: users.firstName,
        lastName: users.lastName,
        email: users.email,
      })
      .from(t)
      .innerJoin(modules, eq(modules.id, t.moduleId))
      .leftJoin(users, eq(users.id, t.deletedById))
      .where(and(isNotNull(t.deletedAt), after))
      .orderBy(desc(t.deletedAt), desc(t.id))
      .limit(limit + 1);
    return rows.map((r) => ({ ...r, kind }));
  };
  const [a, b] = await Promise.all([load("email"), load("todo")]);
  const merged = [...a, ...b].sort((x, y) => (x.sortKey === y.sortKey ? (x.id < y.id ? 1 : -1) : x.sortKey < y.sortKey ? 1 : -1));
  const items = merged.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      kind: r.kind,
      id: r.id,
      name: r.name,
      moduleId: r.moduleId,
      moduleName: r.moduleName,
      deletedAt: r.deletedAt!,
      deletedById: r.deletedById,
      deletedByName: r.deletedById ? displayName(r) : null,
    })),
    nextCursor: merged.length > limit && last ? encode({ at: last.sortKey, id: last.id }) : null,
  };
}
