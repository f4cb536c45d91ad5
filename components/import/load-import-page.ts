import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { loadModuleForCards } from "@/lib/cards/load-module";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { getImport } from "@/lib/import/get-import";
import type { ImportDraft } from "@/lib/import/types";
import { getOrganisation } from "@/lib/org/organisation";

const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

const orNotFound = (error: unknown): never => {
  if (error instanceof DomainError && (error.kind === "not_found" || error.kind === "forbidden")) notFound();
  throw error;
};

/** An import page's context: "imports.run" (else 403), the module (else 404), the organisation's time zone. */
export async function loadImportPage(moduleId: string | null) {
  const actor: Actor = await requirePermission("imports.run");
  if (moduleId !== null && !isUuid(moduleId)) notFound();
  const db = await getDb();
  const ctx = { actor, db, now: systemClock.now() };
  const [module, org] = await Promise.all([moduleId ? loadModuleForCards(db, moduleId).then((c) => ({ id: c.module.id, name: c.module.name })).catch(orNotFound) : null, getOrganisation(db)]);
  return { ctx, module, timeZone: org?.timeZone ?? "Europe/Budapest" };
}

/** One import of this module (or of contacts) — another module's, or a bad id, is a 404. */
export async function loadImport(ctx: Awaited<ReturnType<typeof loadImportPage>>["ctx"], importId: string, moduleId: string | null): Promise<ImportDraft> {
  if (!isUuid(importId)) notFound();
  const draft = await getImport(ctx, importId).catch(orNotFound);
  if (draft.moduleId !== moduleId || draft.target !== (moduleId ? "cards" : "contacts")) notFound();
  return draft;
}
