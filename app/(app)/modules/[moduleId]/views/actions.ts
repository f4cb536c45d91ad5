"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { publishViewsChanged } from "@/lib/realtime/publish";
import { createView } from "@/lib/views/create-view";
import { duplicateView } from "@/lib/views/duplicate-view";
import { reorderViews } from "@/lib/views/reorder-views";
import { trashView } from "@/lib/views/trash-view";
import { updateView } from "@/lib/views/update-view";
import { createViewSchema, duplicateViewSchema, moveViewSchema, renameViewSchema, updateViewSchema, viewIdSchema } from "@/lib/views/view-input";

/** The list, the board and the view pages of the module show the switcher: here and, live, in every open browser. */
const revalidateModule = (moduleId: string) => {
  revalidatePath(`/modules/${moduleId}`, "layout");
  publishViewsChanged(moduleId);
};

// Who may do what with which view is the verbs' business (lib/views/view-permissions.ts); here only "sees cards".

export const createViewAction = authedAction({ schema: createViewSchema, permission: "cards.view" }, async (ctx, input) => {
  const result = await createView(ctx, input);
  revalidateModule(result.moduleId);
  return result;
});

export const updateViewAction = authedAction({ schema: updateViewSchema, permission: "cards.view" }, async (ctx, input) => {
  const result = await updateView(ctx, input);
  revalidateModule(result.moduleId);
  return result;
});

export const renameViewAction = authedAction({ schema: renameViewSchema, permission: "cards.view" }, async (ctx, input) => {
  const result = await updateView(ctx, input);
  revalidateModule(result.moduleId);
  return result;
});

export const duplicateViewAction = authedAction({ schema: duplicateViewSchema, permission: "cards.view" }, async (ctx, input) => {
  const result = await duplicateView(ctx, input);
  revalidateModule(result.moduleId);
  return result;
});

export const moveViewAction = authedAction({ schema: moveViewSchema, permission: "cards.view" }, async (ctx, input) => {
  const result = await reorderViews(ctx, input);
  revalidateModule(result.moduleId);
  return result;
});

/** `next`: where to go once the view is gone (its own URL now says "not found"); a page of the same module only. */
const trashViewSchema = viewIdSchema.extend({ next: z.string().max(2000).optional() });

export const trashViewAction = authedAction({ schema: trashViewSchema, permission: "cards.view" }, async (ctx, input) => {
  const result = await trashView(ctx, input);
  revalidateModule(result.moduleId);
  revalidatePath("/trash");
  if (input.next !== undefined) {
    const home = `/modules/${result.moduleId}`;
    const rest = input.next.slice(home.length);
    const sameModule = input.next.startsWith(home) && (rest === "" || rest.startsWith("/") || rest.startsWith("?"));
    redirect(sameModule ? input.next : home);
  }
  return result;
});
