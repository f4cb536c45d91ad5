import { z } from "zod";
import { bulkOutcomes, bulkRecipientRules } from "@/db/schema";

/** The input schemas of the bulk email verbs (and their actions). Messages are error codes. */
const id = z.uuid("invalid_input");

export const bulkRunInputSchema = z.object({
  moduleId: id,
  viewId: id,
  templateId: id,
  recipientRule: z.enum(bulkRecipientRules, "bulk_recipient_rule_unknown"),
});
export type BulkRunInput = z.input<typeof bulkRunInputSchema>;

export const listBulkRecipientsSchema = z.object({
  runId: id,
  outcome: z.enum(bulkOutcomes, "invalid_input").optional(),
  /** Keyset: recipients after this id. */
  after: z.coerce.number("invalid_input").int("invalid_input").nonnegative("invalid_input").optional(),
  limit: z.coerce.number("invalid_input").int("invalid_input").min(1, "invalid_input").max(200, "invalid_input").default(50),
});
