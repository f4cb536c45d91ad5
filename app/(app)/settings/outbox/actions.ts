"use server";

import { authedAction } from "@/lib/actions/safe-action";
import { retryEmail, retryEmailSchema } from "@/lib/email/retry-email";

/**
 * No revalidation: the row stays where it is and says "Queued for sending." — re-rendering at once
 * would drop it from the list (queued) or bring it back (kept again) depending on how fast the runner is.
 */
export const retryEmailAction = authedAction({ schema: retryEmailSchema, permission: "email.admin" }, (ctx, input) => retryEmail(ctx, input));
