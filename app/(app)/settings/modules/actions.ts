"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { authedAction, type Ctx } from "@/lib/actions/safe-action";
import { addField, addFieldSchema } from "@/lib/modules/add-field";
import { addStatus, addStatusSchema } from "@/lib/modules/add-status";
import { archiveField, fieldIdInputSchema, restoreField } from "@/lib/modules/archive-field";
import { archiveModule, moduleIdInputSchema, restoreModule } from "@/lib/modules/archive-module";
import { archiveStatus, restoreStatus, statusIdInputSchema } from "@/lib/modules/archive-status";
import { createModule, createModuleSchema } from "@/lib/modules/create-module";
import { renameModule, renameModuleSchema } from "@/lib/modules/rename-module";
import { reorderFields, reorderFieldsSchema } from "@/lib/modules/reorder-fields";
import { reorderModules, reorderModulesSchema } from "@/lib/modules/reorder-modules";
import { reorderStatuses, reorderStatusesSchema } from "@/lib/modules/reorder-statuses";
import { updateField, updateFieldSchema } from "@/lib/modules/update-field";
import { updateStatus, updateStatusSchema } from "@/lib/modules/update-status";

/**
 * One action per verb. A module's configuration shows in the navigation, the settings and every
 * card page of the module, so each change revalidates the whole app layout.
 */
function moduleAction<S extends z.ZodType, T>(schema: S, verb: (ctx: Ctx, input: z.infer<S>) => Promise<T>) {
  return authedAction({ schema, permission: "modules.manage" }, async (ctx, input) => {
    const result = await verb(ctx, input);
    revalidatePath("/", "layout");
    return result;
  });
}

export const createModuleAction = moduleAction(createModuleSchema, createModule);
export const renameModuleAction = moduleAction(renameModuleSchema, renameModule);
export const archiveModuleAction = moduleAction(moduleIdInputSchema, archiveModule);
export const restoreModuleAction = moduleAction(moduleIdInputSchema, restoreModule);
export const reorderModulesAction = moduleAction(reorderModulesSchema, reorderModules);

export const addStatusAction = moduleAction(addStatusSchema, addStatus);
export const updateStatusAction = moduleAction(updateStatusSchema, updateStatus);
export const reorderStatusesAction = moduleAction(reorderStatusesSchema, reorderStatuses);
export const archiveStatusAction = moduleAction(statusIdInputSchema, archiveStatus);
export const restoreStatusAction = moduleAction(statusIdInputSchema, restoreStatus);

export const addFieldAction = moduleAction(addFieldSchema, addField);
export const updateFieldAction = moduleAction(updateFieldSchema, updateField);
export const reorderFieldsAction = moduleAction(reorderFieldsSchema, reorderFields);
export const archiveFieldAction = moduleAction(fieldIdInputSchema, archiveField);
export const restoreFieldAction = moduleAction(fieldIdInputSchema, restoreField);
