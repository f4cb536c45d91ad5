import { z } from "zod";
import { formBooleanSchema } from "@/lib/modules/schemas";

/** The input schemas of the view verbs (and their actions). Messages are error codes (messages/<locale>/errors.json). */
export const viewNameMaxLength = 80;
export const viewNameSchema = z.string("required").trim().min(1, "required").max(viewNameMaxLength, "too_long");

const id = z.uuid("invalid_input");
/** When given, the view must belong to this module (a view id of another module is "view_not_found"). */
const inModule = { moduleId: id.optional() };

export const viewIdSchema = z.object({ viewId: id, ...inModule });

export const createViewSchema = z.object({
  moduleId: id,
  name: viewNameSchema,
  shared: formBooleanSchema.default(false),
  /** The JSON of lib/views/definition.ts, checked by parseViewDefinition. */
  definition: z.unknown(),
});
export type CreateViewInput = z.input<typeof createViewSchema>;

export const updateViewSchema = z.object({
  viewId: id,
  ...inModule,
  /** The version the editor started from: someone else's save in between is "view_changed". */
  version: z.coerce.number("invalid_input").int("invalid_input").positive("invalid_input"),
  name: viewNameSchema.optional(),
  shared: formBooleanSchema.optional(),
  definition: z.unknown().optional(),
});
export type UpdateViewInput = z.input<typeof updateViewSchema>;

export const duplicateViewSchema = z.object({
  viewId: id,
  ...inModule,
  /** The copy's name, e.g. "Copy of Hot leads" in the user's language; made unique with " (2)", " (3)"… */
  name: viewNameSchema,
});
export type DuplicateViewInput = z.input<typeof duplicateViewSchema>;

/** Up or down one place, or to an index (0 = first), within the view's switcher group (shared, or mine). */
export const moveViewSchema = z.object({
  viewId: id,
  ...inModule,
  to: z.union([z.enum(["up", "down"]), z.coerce.number("invalid_input").int("invalid_input").min(0, "invalid_input")], "invalid_input"),
});
export type MoveViewInput = z.input<typeof moveViewSchema>;

/** A rename from the switcher: the name alone, guarded by the version the switcher showed. */
export const renameViewSchema = updateViewSchema.pick({ viewId: true, moduleId: true, version: true }).extend({ name: viewNameSchema });
