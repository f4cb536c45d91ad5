import type { Locale } from "@/lib/org/organisation";

/** One JSON file per namespace and language (messages/<locale>/<namespace>.json), so features add strings without touching each other's files. */
const namespaces = ["common", "auth", "errors", "settings", "profile", "contacts", "card", "modules", "cards", "search", "views", "view-builder", "templates", "email", "outbox", "bulk-email", "automations", "documents", "imports", "exports", "reports"] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    namespaces.map(async (ns) => [ns, (await import(`../../messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
