"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/card-list/status-badge";
import { cn } from "@/components/ui/cn";
import type { SearchResults } from "@/lib/search/search-everything";

export type SearchOption = { key: string; href: string; group: "cards" | "companies" | "persons" };

/** The results in listbox order: what ArrowUp/ArrowDown walk through and Enter opens. */
export function searchOptions(results: SearchResults | null): SearchOption[] {
  if (!results) return [];
  return [
    ...results.cards.items.map((c) => ({ key: `card-${c.id}`, href: `/cards/${c.id}`, group: "cards" as const })),
    ...results.companies.items.map((c) => ({ key: `contact-${c.id}`, href: `/contacts/${c.id}`, group: "companies" as const })),
    ...results.persons.items.map((c) => ({ key: `contact-${c.id}`, href: `/contacts/${c.id}`, group: "persons" as const })),
  ];
}

export const optionId = (listboxId: string, key: string) => `${listboxId}-${key}`;

/**
 * The listbox of the search combobox (WAI-ARIA combobox pattern): groups of options, each option a
 * link (so a click, a middle-click and Enter all open it); the focus stays in the input and the
 * active option is announced through aria-activedescendant.
 */
export function SearchResultsList({
  id,
  results,
  activeKey,
  busy,
  onHover,
  onOpen,
}: {
  id: string;
  results: SearchResults;
  activeKey: string | null;
  busy: boolean;
  onHover: (key: string) => void;
  onOpen: () => void;
}) {
  const t = useTranslations("search");
  const option = (key: string, href: string, children: React.ReactNode) => (
    <Link
      key={key}
      id={optionId(id, key)}
      href={href}
      role="option"
      aria-selected={activeKey === key}
      tabIndex={-1}
      prefetch={false}
      onMouseMove={() => onHover(key)}
      onClick={onOpen}
      className={cn("block rounded-md px-3 py-2 text-sm text-slate-900", activeKey === key ? "bg-brand-50 ring-1 ring-brand-500/40" : "hover:bg-slate-50")}
    >
      {children}
    </Link>
  );
  const contactLine = (c: SearchResults["persons"]["items"][number]) => [c.companyName, c.email ?? c.phone].filter(Boolean).join(" · ");
  const groups = [
    {
      key: "cards",
      items: results.cards.items.map((c) =>
        option(
          `card-${c.id}`,
          `/cards/${c.id}`,
          <>
            <span className="block truncate font-medium">{c.name}</span>
            <span className="mt-0.5 flex min-w-0 items-center gap-2 text-xs text-slate-600">
              <span className="truncate">{c.module.name}</span>
              <StatusBadge name={c.status.name} color={c.status.color} />
            </span>
          </>,
        ),
      ),
    },
    ...(["companies", "persons"] as const).map((group) => ({
      key: group,
      items: results[group].items.map((c) =>
        option(
          `contact-${c.id}`,
          `/contacts/${c.id}`,
          <>
            <span className="block truncate font-medium">{c.name}</span>
            {contactLine(c) && <span className="mt-0.5 block truncate text-xs text-slate-600">{contactLine(c)}</span>}
          </>,
        ),
      ),
    })),
  ].filter((g) => g.items.length > 0);

  return (
    <div id={id} role="listbox" aria-label={t("results")} aria-busy={busy} className={cn("space-y-3", busy && "opacity-60")}>
      {groups.map((g) => (
        <div key={g.key} role="group" aria-labelledby={`${id}-${g.key}`}>
          <div id={`${id}-${g.key}`} role="presentation" className="px-3 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            {t(`groups.${g.key}`)}
          </div>
          {g.items}
        </div>
      ))}
    </div>
  );
}
