"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { retryEmail, retryEmailSchema } from "@/lib/email/retry-email";

export const retryEmailAction = authedAction({ schema: retryEmailSchema, permission: "email.admin" }, async (ctx, input) => {
  const result = await retryEmail(ctx, input);
  revalidatePath("/settings/outbox");
  return result;
});
