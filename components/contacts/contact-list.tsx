"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { loadContactsAction } from "@/app/(app)/contacts/actions";
import { LinkPendingHint } from "@/components/shell/navigation-feedback";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { useErrorMessage } from "@/components/ui/form";
import type { ContactKind } from "@/db/schema";
import type { ContactListItem, ContactListPage } from "@/lib/contacts/list-contacts";
import { telHref } from "./form-state";

/** The contacts table with keyset "Load more". Key it by the search, so a new search starts over. */
export function ContactList({ initial, q, kind }: { initial: ContactListPage; q: string; kind?: ContactKind }) {
  const t = useTranslations("contacts");
  const message = useErrorMessage();
  const [items, setItems] = useState<ContactListItem[]>(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const loadMore = () =>
    startTransition(async () => {
      const result = await loadContactsAction(null, { q, kind: kind ?? "", cursor: cursor ?? undefined });
      if (!result.ok) return setError(result.error);
      setError(null);
      setItems((prev) => [...prev, ...result.data.items]);
      setCursor(result.data.nextCursor);
    });

  const link = "font-medium text-brand-700 hover:underline";
  return (
    <div className="space-y-4">
      {/* A table from md up; on a phone each row stacks (roles spelled out, as the display changes) and nothing is cut. */}
      <Card className="md:overflow-x-auto">
        <table role="table" className="block w-full text-left text-sm md:table">
          <caption className="sr-only">{t("table.caption")}</caption>
          <thead role="rowgroup" className="sr-only border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase md:not-sr-only md:table-header-group">
            <tr role="row">
              <th role="columnheader" scope="col" className="px-4 py-3">
                {t("table.name")}
              </th>
              <th role="columnheader" scope="col" className="px-4 py-3">
                {t("table.company")}
              </th>
              <th role="columnheader" scope="col" className="px-4 py-3">
                {t("table.emails")}
              </th>
              <th role="columnheader" scope="col" className="px-4 py-3">
                {t("table.phones")}
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup" className="block divide-y divide-slate-100 md:table-row-group *:block *:space-y-1 *:px-4 *:py-3 md:*:table-row md:*:space-y-0 md:[&>tr>*]:px-4 md:[&>tr>*]:py-3">
            {items.map((c) => (
              <tr key={c.id} role="row" className="align-top hover:bg-slate-50">
                <th role="rowheader" scope="row" className="block font-normal md:table-cell">
                  <Link href={`/contacts/${c.id}`} className={`${link} relative break-words`}>
                    {c.name}
                    <LinkPendingHint className="inset-x-0 -bottom-0.5" />
                  </Link>{" "}
                  <Badge tone={c.kind === "company" ? "brand" : "slate"}>{t(`kind.${c.kind}`)}</Badge>
                </th>
                <td role="cell" className="block max-md:empty:hidden md:table-cell">
                  {c.companyId && c.companyName ? (
                    <Link href={`/contacts/${c.companyId}`} className="break-words text-slate-700 hover:underline">
                      {c.companyName}
                    </Link>
                  ) : null}
                </td>
                <td role="cell" className="block md:table-cell">
                  <ul>
                    {c.emails.map((email) => (
                      <li key={email}>
                        <a href={`mailto:${email}`} className="break-all text-slate-700 hover:text-brand-700 hover:underline md:break-normal">
                          {email}
                        </a>
                      </li>
                    ))}
                  </ul>
                </td>
                <td role="cell" className="block md:table-cell md:whitespace-nowrap">
                  <ul className="flex flex-wrap gap-x-4 md:block">
                    {c.phones.map((phone) => (
                      <li key={phone}>
                        <a href={telHref(phone)} className="inline-block py-0.5 text-slate-700 hover:text-brand-700 hover:underline">
                          {phone}
                        </a>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-600" role="status" aria-live="polite">
          {t("table.shown", { count: items.length })}
        </p>
        {cursor && (
          <Button variant="secondary" onClick={loadMore} disabled={pending} aria-busy={pending}>
            {pending ? t("table.loading") : t("table.loadMore")}
          </Button>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {message(error)}
          </p>
        )}
      </div>
    </div>
  );
}
