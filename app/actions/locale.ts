"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { localeCookie } from "@/lib/i18n/request";
import { locales } from "@/lib/org/organisation";
import { setUserLocale } from "@/lib/users/set-locale";

/** The language switch: remembered in a cookie, and on the user's profile when signed in. */
export async function setLocaleAction(raw: unknown): Promise<void> {
  const locale = z.enum(locales).parse(raw);
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  const user = await getCurrentUser();
  if (user) await setUserLocale(await getDb(), user.id, locale, systemClock.now());
}
