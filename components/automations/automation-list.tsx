import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import type { AutomationSummary } from "@/lib/automations/list-automations";

const tone = { draft: "slate", active: "green", off: "amber" } as const;

/** The module's automations on the Automations page: state, trigger, kind, step count and progress of the step runs. */
export async function AutomationList({ moduleId, automations }: { moduleId: string; automations: AutomationSummary[] }) {
  const t = await getTranslations("automations");
  return (
    <ul className="space-y-3" aria-label={t("sequences")}>
      {automations.map((a) => {
        const runs = a.done + a.pending + a.skipped;
        const condition = a.trigger === "status" ? t("trigger_status", { status: a.statusName ?? "?" }) : t("trigger_view", { view: a.viewName ?? "?" });
        return (
          <li key={a.id}>
            <Card className="space-y-2 p-4 sm:p-5" data-automation-id={a.id}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <h3 className="text-base font-semibold break-words text-slate-900">
                    <Link href={`/modules/${moduleId}/automations/${a.id}`} className="hover:text-brand-700 hover:underline" aria-label={t("editLabel", { name: a.name })}>
                      {a.name}
                    </Link>
                  </h3>
                  <p className="text-sm text-slate-600">
                    {condition}
                    {a.viewTrashed && <span className="text-red-700"> ({t("viewTrashed")})</span>} · {t(`kind_${a.kind}`)}
                    {a.onlyNew && ` · ${t("onlyNew")}`} · {t("steps", { count: a.steps })}
                  </p>
                </div>
                <Badge tone={tone[a.state]}>{t(`state_${a.state}`)}</Badge>
              </div>
              <div
                className="flex h-2 overflow-hidden rounded-full bg-slate-100"
                role="img"
                aria-label={`${t("progress", { name: a.name })}: ${t("counts", { enrolled: a.enrolled, done: a.done, pending: a.pending, skipped: a.skipped })}`}
              >
                {runs > 0 && (
                  <>
                    <span className="bg-green-600" style={{ width: `${(a.done / runs) * 100}%` }} />
                    <span className="bg-amber-500" style={{ width: `${(a.skipped / runs) * 100}%` }} />
                    <span className="bg-brand-200" style={{ width: `${(a.pending / runs) * 100}%` }} />
                  </>
                )}
              </div>
              <p className="text-sm text-slate-700 tabular-nums" data-testid="automation-counts">
                {t("counts", { enrolled: a.enrolled, done: a.done, pending: a.pending, skipped: a.skipped })}
              </p>
              {a.senderInactive && (
                <p className="rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-900" role="note">
                  {t("senderInactive")}
                </p>
              )}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
