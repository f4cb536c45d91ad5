import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { getOrganisation, locales, type Locale } from "@/lib/org/organisation";
import { loadMessages } from "./messages";

export const localeCookie = "crm-locale";

const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/** The user's own language, else the language switch's cookie, else the organisation's default. */
export default getRequestConfig(async () => {
  const [user, jar, org] = await Promise.all([getCurrentUser(), cookies(), getDb().then(getOrganisation)]);
  const cookieLocale = jar.get(localeCookie)?.value;
  const locale: Locale = user?.locale ?? (isLocale(cookieLocale) ? cookieLocale : (org?.defaultLocale ?? "hu"));
  return { locale, messages: await loadMessages(locale), timeZone: org?.timeZone ?? "Europe/Budapest" };
});
