"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/safe-action";
import { createEmailTemplate, restoreEmailTemplate, trashEmailTemplate, updateEmailTemplate } from "@/lib/templates/email-templates";
import {
  createEmailTemplateSchema,
  createTodoTemplateSchema,
  templateIdSchema,
  todoTemplateIdSchema,
  updateEmailTemplateSchema,
  updateTodoTemplateSchema,
} from "@/lib/templates/template-input";
import { createTodoTemplate, restoreTodoTemplate, trashTodoTemplate, updateTodoTemplate } from "@/lib/templates/todo-templates";

/** The Templates page, the card pages' "New todo" and the trash show templates. */
const revalidateTemplates = (moduleId: string) => {
  revalidatePath(`/modules/${moduleId}/templates`, "layout");
  revalidatePath("/cards", "layout");
  revalidatePath("/trash");
};

// The verbs check "templates.manage" too; here it is checked before anything is parsed.

export const createEmailTemplateAction = authedAction({ schema: createEmailTemplateSchema, permission: "templates.manage" }, async (ctx, input) => {
  const result = await createEmailTemplate(ctx, input);
  revalidateTemplates(result.moduleId);
  redirect(`/modules/${result.moduleId}/templates?saved=${result.templateId}`);
});

export const updateEmailTemplateAction = authedAction({ schema: updateEmailTemplateSchema, permission: "templates.manage" }, async (ctx, input) => {
  const result = await updateEmailTemplate(ctx, input);
  revalidateTemplates(result.moduleId);
  redirect(`/modules/${result.moduleId}/templates?saved=${result.templateId}`);
});

export const trashEmailTemplateAction = authedAction({ schema: templateIdSchema, permission: "templates.manage" }, async (ctx, input) => {
  const result = await trashEmailTemplate(ctx, input);
  revalidateTemplates(result.moduleId);
  return result;
});

export const restoreEmailTemplateAction = authedAction({ schema: templateIdSchema, permission: "templates.manage" }, async (ctx, input) => {
  const result = await restoreEmailTemplate(ctx, input);
  revalidateTemplates(result.moduleId);
  return result;
});

export const createTodoTemplateAction = authedAction({ schema: createTodoTemplateSchema, permission: "templates.manage" }, async (ctx, input) => {
  const result = await createTodoTemplate(ctx, input);
  revalidateTemplates(result.moduleId);
  return result;
});

export const updateTodoTemplateAction = authedAction({ schema: updateTodoTemplateSchema, permission: "templates.manage" }, async (ctx, input) => {
  const result = await updateTodoTemplate(ctx, input);
  revalidateTemplates(result.moduleId);
  return result;
});

export const trashTodoTemplateAction = authedAction({ schema: todoTemplateIdSchema, permission: "templates.manage" }, async (ctx, input) => {
  const result = await trashTodoTemplate(ctx, input);
  revalidateTemplates(result.moduleId);
  return result;
});

export const restoreTodoTemplateAction = authedAction({ schema: todoTemplateIdSchema, permission: "templates.manage" }, async (ctx, input) => {
  const result = await restoreTodoTemplate(ctx, input);
  revalidateTemplates(result.moduleId);
  return result;
});
