"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { loadContactsAction } from "@/app/(app)/contacts/actions";
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
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("table.caption")}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">
                {t("table.name")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("table.company")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("table.emails")}
              </th>
              <th scope="col" className="px-4 py-3">
                {t("table.phones")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((c) => (
              <tr key={c.id} className="align-top hover:bg-slate-50">
                <th scope="row" className="px-4 py-3 font-normal">
                  <Link href={`/contacts/${c.id}`} className={link}>
                    {c.name}
                  </Link>{" "}
                  <Badge tone={c.kind === "company" ? "brand" : "slate"}>{t(`kind.${c.kind}`)}</Badge>
                </th>
                <td className="px-4 py-3">
                  {c.companyId && c.companyName ? (
                    <Link href={`/contacts/${c.companyId}`} className="text-slate-700 hover:underline">
                      {c.companyName}
                    </Link>
                  ) : null}
                </td>
                <td className="px-4 py-3">
                  <ul>
                    {c.emails.map((email) => (
                      <li key={email}>
                        <a href={`mailto:${email}`} className="text-slate-700 hover:text-brand-700 hover:underline">
                          {email}
                        </a>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <ul>
                    {c.phones.map((phone) => (
                      <li key={phone}>
                        <a href={telHref(phone)} className="text-slate-700 hover:text-brand-700 hover:underline">
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
