import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { RetryButton } from "@/components/outbox/retry-button";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { noTransportError } from "@/lib/email/deliver-email";
import { listOutbox } from "@/lib/email/list-outbox";
import { configuredTransportName } from "@/lib/email/transports/choose-transport";
import { getOrganisation } from "@/lib/org/organisation";

export async function generateMetadata() {
  return { title: (await getTranslations("outbox"))("title") };
}

const tones = { outbox: "amber", failed: "red", queued: "slate", sent: "green" } as const;

/** Settings → Outbox (admins): emails not delivered — kept, failed or queued for long — with their reason and "Send again". */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("email.admin");
  const params = await searchParams;
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const db = await getDb();
  const [page, org, t, format] = await Promise.all([listOutbox({ actor, db, now: systemClock.now() }, { cursor }), getOrganisation(db), getTranslations("outbox"), getFormatter()]);
  const timeZone = org?.timeZone ?? "Europe/Budapest";
  const transport = configuredTransportName();
  const reason = (e: { lastError: string | null; state: string }) =>
    e.lastError === noTransportError ? t("reason.no_transport") : e.lastError ? t("reason.provider", { reason: e.lastError }) : e.state === "queued" ? t("reason.waiting") : "";

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p className={`mb-6 rounded-md px-3 py-2 text-sm ${transport === "outbox" ? "bg-amber-50 text-amber-900" : "bg-slate-50 text-slate-700"}`} role="note">
        {t(`transport.${transport}`)}
      </p>
      {page.emails.length === 0 && !cursor ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <Card>
          <h2 id="outbox-list" className="sr-only">
            {t("listLabel")}
          </h2>
          <ul aria-labelledby="outbox-list" className="divide-y divide-slate-100">
            {page.emails.map((e) => (
              <li key={e.id} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-start sm:justify-between" data-testid="outbox-email">
                <div className="min-w-0 space-y-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <Badge tone={tones[e.state]}>{t(`state.${e.state}`)}</Badge>
                    <span className="font-medium break-words text-slate-900">{e.subject}</span>
                  </p>
                  <p className="text-sm break-all text-slate-700">
                    <span className="text-slate-500">{t("to")} </span>
                    {e.toName ? `${e.toName} <${e.toAddress}>` : e.toAddress}
                  </p>
                  <p className="text-sm text-slate-600">{reason(e)}</p>
                  <p className="text-xs text-slate-500">
                    <time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone })}</time>
                    {" · "}
                    {t(`kind.${e.kind}`)}
                    {e.attempts > 0 && ` · ${t("attempts", { count: e.attempts })}`}
                    {e.cardId && (
                      <>
                        {" · "}
                        <Link href={`/cards/${e.cardId}`} className="text-brand-700 underline-offset-2 hover:underline focus-visible:underline">
                          {t("openCard")}
                        </Link>
                      </>
                    )}
                  </p>
                </div>
                {e.state !== "queued" && <RetryButton emailId={e.id} subject={e.subject} />}
              </li>
            ))}
          </ul>
          {(page.next || cursor) && (
            <nav aria-label={t("pages")} className="flex gap-2 border-t border-slate-100 px-4 py-3">
              {cursor && (
                <Link href="/settings/outbox" className={buttonClass("ghost", "sm")}>
                  {t("newest")}
                </Link>
              )}
              {page.next && (
                <Link href={`/settings/outbox?cursor=${encodeURIComponent(page.next)}`} className={buttonClass("secondary", "sm")}>
                  {t("older")}
                </Link>
              )}
            </nav>
          )}
        </Card>
      )}
    </>
  );
}
