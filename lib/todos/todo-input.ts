import { z } from "zod";
import { todoTypes } from "@/db/schema";
import { saneDateSchema } from "@/lib/time/date-range";

/** A deadline's day: a real date between 2000-01-01 and 2100-12-31 ("date_out_of_range" otherwise). */
const date = saneDateSchema;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "invalid_time");

/** A todo as the form sends it: the deadline as date + hour:minute on the organisation's clock. */
export const createTodoSchema = z.object({
  cardId: z.uuid("invalid_input"),
  text: z.string().trim().min(1, "required").max(500, "too_long"),
  type: z.enum(todoTypes, "invalid_input").default("task"),
  assigneeId: z.uuid("required"),
  date,
  time,
});
export type CreateTodoInput = z.input<typeof createTodoSchema>;

export const updateTodoSchema = z.object({
  todoId: z.uuid("invalid_input"),
  text: z.string().trim().min(1, "required").max(500, "too_long").optional(),
  type: z.enum(todoTypes, "invalid_input").optional(),
  assigneeId: z.uuid("required").optional(),
  date: date.optional(),
  time: time.optional(),
});
export type UpdateTodoInput = z.input<typeof updateTodoSchema>;

export const todoIdSchema = z.object({ todoId: z.uuid("invalid_input") });
