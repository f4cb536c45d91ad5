import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb, type Db } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { listFilterUsers } from "@/lib/cards/list-filter-users";
import { DomainError } from "@/lib/errors";
import { getModuleConfigOrThrow } from "@/lib/modules/get-module-config";
import { canCreateShared } from "@/lib/views/view-permissions";
import type { BuilderModule, BuilderUser } from "./model";

/** 404 for what the actor may not know exists (an unknown module or view), instead of an error page. */
export function notFoundOnMissing(error: unknown): never {
  if (error instanceof DomainError && error.kind === "not_found") notFound();
  throw error;
}

/** What both builder pages start from: the live module (or 404) as the builder reads it, and the users to choose from. */
export async function loadBuilder(actor: Actor, moduleId: string): Promise<{ db: Db; module: BuilderModule; users: BuilderUser[]; canShare: boolean }> {
  const db = await getDb();
  const [config, locale] = await Promise.all([getModuleConfigOrThrow(db, moduleId).catch(notFoundOnMissing), getLocale()]);
  if (config.archived) notFound();
  const users = await listFilterUsers(db, locale);
  return {
    db,
    module: {
      id: config.id,
      name: config.name,
      statuses: config.statuses.map((s) => ({ id: s.id, name: s.name, archived: s.archived })),
      fields: config.fields.map((f) => ({ id: f.id, name: f.name, type: f.type, options: f.options, archived: f.archived })),
    },
    users,
    canShare: canCreateShared(actor),
  };
}
