import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { listSuppressions } from "@/lib/email/suppressions";
import { systemClock } from "@/lib/clock";
import { LiftSuppressionButton } from "./lift-button";

export async function generateMetadata() {
  return { title: (await getTranslations("bulk-email.suppressions"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Settings → Unsubscribes: the suppression list for admins, searchable, paged by address; each can be lifted. */
export default async function SuppressionsPage({ searchParams }: Props) {
  const actor = await requirePermission("email.admin");
  const query = await searchParams;
  const q = typeof query.q === "string" ? query.q.slice(0, 254) : "";
  const after = typeof query.after === "string" ? query.after.slice(0, 254) : undefined;
  const { rows, next } = await listSuppressions({ actor, db: await getDb(), now: systemClock.now() }, { q: q || undefined, after });
  const [t, format] = await Promise.all([getTranslations("bulk-email.suppressions"), getFormatter()]);
  const href = (a?: string) => {
    const s = new URLSearchParams();
    if (q) s.set("q", q);
    if (a) s.set("after", a);
    const str = s.toString();
    return str ? `/settings/suppressions?${str}` : "/settings/suppressions";
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <div className="min-w-0 flex-1 space-y-1.5">
          <Label htmlFor="suppressions-q">{t("search")}</Label>
          <Input id="suppressions-q" name="q" type="search" defaultValue={q} maxLength={254} />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("searchButton")}
        </button>
      </form>
      {rows.length === 0 ? (
        q || after ? (
          <Card className="p-6 text-sm text-slate-600">{t("noMatch")}</Card>
        ) : (
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        )
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">{t("address")}</th>
                <th scope="col" className="px-4 py-2">{t("since")}</th>
                <th scope="col" className="px-4 py-2">
                  <span className="sr-only">{t("lift")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.address}>
                  <td className="px-4 py-2 break-all">{r.address}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="px-4 py-2 text-right">
                    <LiftSuppressionButton address={r.address} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {(next || after) && (
        <nav className="mt-4 flex justify-between text-sm" aria-label={t("title")}>
          {after ? (
            <Link href={href()} className={buttonClass("ghost", "sm")}>
              {t("first")}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link href={href(next)} className={buttonClass("ghost", "sm")}>
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
