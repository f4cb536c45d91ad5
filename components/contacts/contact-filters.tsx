import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import type { ContactKind } from "@/db/schema";

/** The search box (a plain GET form, so it works before scripts load) and the kind filter. */
export async function ContactFilters({ q, kind }: { q: string; kind?: ContactKind }) {
  const t = await getTranslations("contacts");
  const href = (k?: ContactKind) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (k) params.set("kind", k);
    const s = params.toString();
    return s ? `/contacts?${s}` : "/contacts";
  };
  const tabs: { kind?: ContactKind; label: string }[] = [
    { label: t("filter.all") },
    { kind: "company", label: t("filter.company") },
    { kind: "person", label: t("filter.person") },
  ];
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <form role="search" action="/contacts" className="flex w-full max-w-xl items-center gap-2">
        {kind && <input type="hidden" name="kind" value={kind} />}
        <div className="min-w-0 flex-1">
          <label htmlFor="contacts-search" className="sr-only">
            {t("search.label")}
          </label>
          <Input id="contacts-search" type="search" name="q" defaultValue={q} placeholder={t("search.placeholder")} maxLength={200} />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("search.submit")}
        </button>
        {q && (
          <Link href={href(kind)} className="text-sm whitespace-nowrap text-slate-600 hover:underline">
            {t("search.clear")}
          </Link>
        )}
      </form>
      <nav aria-label={t("filter.label")}>
        <ul className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
          {tabs.map((tab) => {
            const current = tab.kind === kind;
            return (
              <li key={tab.label}>
                <Link
                  href={href(tab.kind)}
                  aria-current={current ? "page" : undefined}
                  className={cn("block rounded px-3 py-1.5 font-medium", current ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100")}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
