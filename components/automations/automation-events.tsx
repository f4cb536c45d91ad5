import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { AutomationEventRow } from "@/lib/automations/get-automation-detail";

/** The automation's own history: created, edited, activated, switched off, sender handed over — who and when. */
export async function AutomationEvents({ events, timeZone }: { events: AutomationEventRow[]; timeZone: string }) {
  const [t, format] = await Promise.all([getTranslations("automations.events"), getFormatter()]);
  return (
    <Card className="p-4 sm:p-5">
      <section aria-labelledby="events-heading">
        <h2 id="events-heading" className="mb-2 text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        {events.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ol className="divide-y divide-slate-100 text-sm">
            {events.map((e) => (
              <li key={e.id} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                <span className="font-medium text-slate-900">{t(e.kind)}</span>
                <span className="text-slate-600">{t("by", { who: e.actorName ?? t("system"), when: format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short", timeZone }) })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </Card>
  );
}
