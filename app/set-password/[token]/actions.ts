"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/safe-action";
import { setPasswordWithToken, setPasswordWithTokenSchema } from "@/lib/users/set-password-with-token";

/** Public: the link's token is the credential. On success the user signs in with the new password. */
export const setPasswordAction = publicAction(setPasswordWithTokenSchema, async (ctx, input) => {
  await setPasswordWithToken(ctx, input);
  redirect("/login?passwordSet=1");
});
