"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { liftSuppression, liftSuppressionSchema } from "@/lib/email/suppressions";

export const liftSuppressionAction = authedAction({ schema: liftSuppressionSchema, permission: "email.admin" }, async (ctx, input) => {
  const result = await liftSuppression(ctx, input);
  revalidatePath("/settings/suppressions");
  return result;
});
