"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/safe-action";
import { signIn, signOut } from "@/lib/auth/auth";

const loginSchema = z.object({ email: z.string().trim().max(320), password: z.string().max(200), next: z.string().optional() });

/** Only same-site paths, so the login page cannot be used to bounce users elsewhere. */
const safeNext = (next?: string) => (next?.startsWith("/") && !next.startsWith("//") ? next : "/");

export async function loginAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const input = loginSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: "invalid" };
  try {
    await signIn("credentials", { email: input.data.email, password: input.data.password, redirectTo: safeNext(input.data.next) });
    return { ok: true, data: undefined };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { ok: false, error: code?.startsWith("throttled-") ? code : "invalid" };
    }
    throw error; // the redirect after a successful sign-in
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
