"use server";

import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { signIn } from "@/lib/auth/auth";
import { localeCookie } from "@/lib/i18n/request";
import { changePassword, changePasswordSchema } from "@/lib/profile/change-password";
import { removeAvatar } from "@/lib/profile/remove-avatar";
import { setAvatar, setAvatarSchema } from "@/lib/profile/set-avatar";
import { updateProfile, updateProfileSchema } from "@/lib/profile/update-profile";

// Names and pictures show in the top bar of every page, so the whole layout is revalidated.
const revalidateEverywhere = () => revalidatePath("/", "layout");

export const updateProfileAction = authedAction({ schema: updateProfileSchema, permission: "profile.update" }, async (ctx, input) => {
  const result = await updateProfile(ctx, { ...input, userId: ctx.actor.id });
  // The language switch's cookie follows, so the login page speaks the same language after signing out.
  if (input.locale) (await cookies()).set(localeCookie, input.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  revalidateEverywhere();
  return result;
});

export const changePasswordAction = authedAction({ schema: changePasswordSchema, permission: "profile.update" }, async (ctx, input) => {
  await changePassword(ctx, { ...input, userId: ctx.actor.id });
  // Every session of the user is void now; this browser gets a fresh one, the others are signed out.
  try {
    await signIn("credentials", { email: ctx.actor.email, password: input.newPassword, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) redirect("/login");
    throw error;
  }
  // A redirect, not a re-render: only a redirect's render sees the new session cookie (a re-render of this
  // request would still carry the voided one and land on the login page). The value tells the page to say so.
  redirect(`/profile?passwordChanged=${ctx.now.getTime()}`);
});

export const setAvatarAction = authedAction({ schema: setAvatarSchema, permission: "profile.update" }, async (ctx, input) => {
  const result = await setAvatar(ctx, { ...input, userId: ctx.actor.id });
  revalidateEverywhere();
  return { updatedAt: result.updatedAt.getTime() };
});

export const removeAvatarAction = authedAction({ schema: z.object({}), permission: "profile.update" }, async (ctx) => {
  const result = await removeAvatar(ctx, { userId: ctx.actor.id });
  revalidateEverywhere();
  return result;
});
