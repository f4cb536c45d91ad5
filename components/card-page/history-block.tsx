"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import { loadOlderHistoryAction } from "@/app/(app)/cards/[cardId]/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useErrorMessage } from "@/components/ui/form";
import type { CardHistoryEntry, CardHistoryPage } from "@/lib/cards/list-card-history";
import type { CardEmailState } from "@/lib/email/get-email-or-throw";
import { useCard } from "./card-context";
import type { FieldLike } from "./format-value";
import { HistoryEntryView, type HistoryLookups } from "./history-entry";

const newestFirst = (a: CardHistoryEntry, b: CardHistoryEntry) => b.at.getTime() - a.at.getTime() || b.id - a.id;

/**
 * The History block: completed todos and every event, newest first. The latest page comes with the
 * page (and refreshes with it); "Show older" fetches the previous ones by keyset.
 */
export function HistoryBlock({
  page,
  statuses,
  fields,
  emailStates = [],
}: {
  page: CardHistoryPage;
  statuses: { id: string; name: string }[];
  fields: FieldLike[];
  /** The card's emails' delivery states; the page refreshes them on "email.changed". */
  emailStates?: CardEmailState[];
}) {
  const t = useTranslations("card.history");
  const message = useErrorMessage();
  const { cardId } = useCard();
  /** Everything seen besides the current first page: loaded older pages, and the first page as it was then. */
  const [seen, setSeen] = useState<CardHistoryEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const lookups = useMemo<HistoryLookups>(() => {
    const statusById = new Map(statuses.map((s) => [s.id, s.name]));
    const fieldById = new Map(fields.map((f) => [f.id, f]));
    const emailById = new Map(emailStates.map((e) => [e.id, e]));
    return {
      statusName: (id) => (typeof id === "string" ? (statusById.get(id) ?? null) : null),
      field: (id) => (typeof id === "string" ? fieldById.get(id) : undefined),
      email: (id) => (typeof id === "string" ? emailById.get(id) : undefined),
    };
  }, [statuses, fields, emailStates]);

  const entries = useMemo(() => {
    const byId = new Map<number, CardHistoryEntry>();
    for (const e of [...page.entries, ...seen]) if (!byId.has(e.id)) byId.set(e.id, e);
    return [...byId.values()].sort(newestFirst);
  }, [page.entries, seen]);
  const cursor = nextBefore === undefined ? page.nextBefore : nextBefore;

  const loadOlder = () => {
    const before = entries.at(-1)?.id;
    if (!before) return;
    setError(null);
    startTransition(async () => {
      const result = await loadOlderHistoryAction(null, { cardId, before });
      if (!result.ok) return setError(result.error);
      setSeen((s) => [...s, ...page.entries, ...result.data.entries]);
      setNextBefore(result.data.nextBefore);
    });
  };

  return (
    <Card className="p-0">
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="border-b border-slate-100 px-4 py-3 text-base font-semibold text-slate-900">
          {t("heading")}
        </h2>
        {entries.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-500">{t("none")}</p>
        ) : (
          <ol className="space-y-4 px-4 py-4">
            {entries.map((entry) => (
              <li key={entry.id}>
                <HistoryEntryView entry={entry} lookups={lookups} />
              </li>
            ))}
          </ol>
        )}
        {error && (
          <p role="alert" className="mx-4 mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {message(error)}
          </p>
        )}
        {cursor !== null && entries.length > 0 && (
          <div className="border-t border-slate-100 px-4 py-3">
            <Button variant="secondary" size="sm" onClick={loadOlder} disabled={pending} aria-busy={pending}>
              {t("loadOlder")}
            </Button>
          </div>
        )}
      </section>
    </Card>
  );
}
