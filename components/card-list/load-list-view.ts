import { notFound } from "next/navigation";
import { defaultCardSort, type CardSort } from "@/lib/cards/card-list-cursor";
import type { ListView } from "@/lib/cards/list-cards";
import { DomainError } from "@/lib/errors";
import type { FieldConfig } from "@/lib/modules/get-module-config";
import { compileViewFilter } from "@/lib/views/compile-view";
import { sortableFieldTypes, viewReferences } from "@/lib/views/definition";
import { getViewOrThrow } from "@/lib/views/get-view-or-throw";
import type { loadCardListContext } from "./load-card-list";

type CardListContext = Awaited<ReturnType<typeof loadCardListContext>>;

/** A saved view as the list and the board apply it, with what the page should warn about. */
export type PageView = {
  id: string;
  name: string;
  list: ListView;
  /** Names of archived fields its filter, columns or sort use: they still work, but say so. */
  archivedFields: string[];
  /** Its filter names a status the module no longer has (such a condition matches no card). */
  missingStatus: boolean;
};

/**
 * The URL's view (`?view=<id>`), compiled for this viewer at this moment; null without one. A view
 * the actor may not open — another module's, someone else's private one, a trashed one — is a 404.
 */
export async function loadListView(ctx: CardListContext): Promise<PageView | null> {
  const { db, actor, config, params, now, timeZone } = ctx;
  if (!params.view) return null;
  const view = await getViewOrThrow(db, actor, config.module.id, params.view).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  });
  const fields = moduleFields(ctx);
  const byId = new Map(fields.map((f) => [f.id, f]));
  const filter = compileViewFilter(view.definition.filter, { fields: byId, viewerId: actor.id, now, timeZone });
  const columns = view.definition.columns.flatMap((id) => byId.get(id) ?? []);
  const used = viewReferences(view.definition);
  const statusIds = new Set(config.statuses.map((s) => s.id));
  return {
    id: view.id,
    name: view.name,
    list: { filter, sort: validSort(view.definition.sort, fields) ?? defaultCardSort, columns },
    archivedFields: fields.filter((f) => f.archived && used.fields.has(f.id)).map((f) => f.name),
    missingStatus: [...used.statuses].some((id) => !statusIds.has(id)),
  };
}

/** The module's fields as the view code takes them (archived ones flagged). */
export function moduleFields(ctx: Pick<CardListContext, "config">): FieldConfig[] {
  return ctx.config.fields.map((f) => ({ ...f, archived: f.archivedAt !== null }));
}

/** The sort, if it can sort this module's cards: a fixed one, or a sortable field of the module. */
export function validSort(sort: CardSort | null, fields: Pick<FieldConfig, "id" | "type">[]): CardSort | null {
  if (!sort || sort.by !== "field") return sort;
  const field = fields.find((f) => f.id === sort.fieldId);
  return field && sortableFieldTypes.includes(field.type) ? sort : null;
}

/** The fields the sort menu offers: the view's sortable columns, and the field the list is sorted by if it is not one of them. */
export function sortFieldChoices(fields: FieldConfig[], columns: FieldConfig[], sort: CardSort): FieldConfig[] {
  return fields.filter((f) => (sortableFieldTypes.includes(f.type) && columns.some((c) => c.id === f.id)) || (sort.by === "field" && sort.fieldId === f.id));
}
