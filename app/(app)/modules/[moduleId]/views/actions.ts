"use server";

// STAND-IN for C1's actions (c2-builder branch only): just enough to save from the builder; C1's file replaces it.
import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { views } from "@/db/schema";
import { authedAction } from "@/lib/actions/safe-action";
import { conflict, forbidden } from "@/lib/errors";
import { parseViewDefinition } from "@/lib/views/definition";
import { getViewOrThrow } from "@/lib/views/get-view-or-throw";
import { canCreateShared } from "@/lib/views/view-permissions";

const base = { moduleId: z.uuid("invalid_input"), name: z.string().trim().min(1, "required").max(100, "too_long"), shared: z.boolean(), definition: z.unknown() };

export const createViewAction = authedAction({ schema: z.object(base), permission: "cards.view" }, async (ctx, input) => {
  if (input.shared && !canCreateShared(ctx.actor)) throw forbidden();
  const definition = parseViewDefinition(input.definition);
  const [row] = await ctx.db
    .insert(views)
    .values({ moduleId: input.moduleId, name: input.name, shared: input.shared, definition, createdById: ctx.actor.id })
    .returning();
  revalidatePath(`/modules/${row.moduleId}`, "layout");
  return { viewId: row.id, moduleId: row.moduleId, version: row.version };
});

export const updateViewAction = authedAction(
  { schema: z.object({ ...base, viewId: z.uuid("invalid_input"), version: z.number().int().positive() }), permission: "cards.view" },
  async (ctx, input) => {
    const view = await getViewOrThrow(ctx.db, ctx.actor, input.moduleId, input.viewId);
    if (!view.canEdit) throw forbidden();
    const definition = parseViewDefinition(input.definition);
    const [row] = await ctx.db
      .update(views)
      .set({ name: input.name, shared: input.shared, definition, version: view.version + 1, updatedAt: ctx.now })
      .where(and(eq(views.id, view.id), eq(views.version, input.version)))
      .returning();
    if (!row) throw conflict("view_changed");
    revalidatePath(`/modules/${row.moduleId}`, "layout");
    return { viewId: row.id, moduleId: row.moduleId, version: row.version };
  },
);
