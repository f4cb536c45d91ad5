import { and, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { visibleContactsCondition } from "./scope";

/**
 * The names of the live contacts among `ids` that the actor may see (e.g. the companies a saved
 * view names), in one query. A hidden or trashed one is simply missing.
 */
export async function listContactNames(db: Db, actor: Actor, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: contacts.id, name: contacts.name })
    .from(contacts)
    .where(and(inArray(contacts.id, ids), isNull(contacts.deletedAt), visibleContactsCondition(actor)));
}
