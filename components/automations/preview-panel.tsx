import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { AutomationPreview } from "@/lib/automations/preview-automation";

/** Every local day of the window ("YYYY-MM-DD" in the zone), from `from`, `days` of them. */
function windowDays(from: Date, days: number, timeZone: string): string[] {
  const key = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const out: string[] = [];
  // Noon steps of 24 h never skip or repeat a local day across a DST change.
  for (let i = 0; out.length < days && i < days + 2; i++) {
    const k = key(new Date(from.getTime() + i * 86_400_000));
    if (!out.includes(k)) out.push(k);
  }
  return out;
}

/** "Preview": the next 14 days' step runs as a table (card, step, when) and a bar per day. */
export async function PreviewPanel({ preview, kinds, now, days, timeZone, active }: { preview: AutomationPreview; kinds: Record<string, string>; now: Date; days: number; timeZone: string; active: boolean }) {
  const [t, format] = await Promise.all([getTranslations("automations.preview"), getFormatter()]);
  const counts = new Map(preview.byDay.map((d) => [d.date, d.count]));
  const dayKeys = windowDays(now, days, timeZone);
  const max = Math.max(1, ...dayKeys.map((d) => counts.get(d) ?? 0));
  const th = "px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase";
  return (
    <Card className="p-4 sm:p-5">
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading" className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          {active ? t("hintActive") : t("hint")} {t("cards", { count: preview.cards })}
        </p>
        <figure className="mb-4">
          <figcaption className="mb-1 text-xs font-medium text-slate-700">{t("timeline")}</figcaption>
          <ol className="flex h-20 items-end gap-1" aria-label={t("timeline")}>
            {dayKeys.map((day) => {
              const count = counts.get(day) ?? 0;
              const label = t("day", { date: format.dateTime(new Date(`${day}T12:00:00Z`), { month: "short", day: "numeric", weekday: "short", timeZone: "UTC" }), count });
              return (
                <li key={day} className="flex h-full min-w-0 flex-1 flex-col items-center justify-end gap-1" aria-label={label} title={label}>
                  <span className="w-full rounded-t bg-brand-500" style={{ height: `${count === 0 ? 2 : Math.max(8, (count / max) * 100)}%`, opacity: count === 0 ? 0.25 : 1 }} />
                  <span className="text-[10px] text-slate-600 tabular-nums" aria-hidden>
                    {Number(day.slice(8))}
                  </span>
                </li>
              );
            })}
          </ol>
        </figure>
        {preview.rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <div className="max-h-96 overflow-auto">
            <table className="w-full text-sm">
              <thead className="sticky top-0 bg-white">
                <tr>
                  <th className={th}>{t("card")}</th>
                  <th className={th}>{t("step")}</th>
                  <th className={th}>{t("due")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {preview.rows.map((row) => (
                  <tr key={`${row.cardId}-${row.stepId}`}>
                    <td className="px-3 py-1.5 break-words text-slate-900">{row.cardName}</td>
                    <td className="px-3 py-1.5 text-slate-700">{t("stepLabel", { n: row.position, kind: kinds[row.kind] ?? row.kind })}</td>
                    <td className="px-3 py-1.5 whitespace-nowrap text-slate-700 tabular-nums">{format.dateTime(row.dueAt, { dateStyle: "medium", timeStyle: "short", timeZone })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {preview.truncated && <p className="mt-2 text-xs text-slate-600">{t("truncated")}</p>}
      </section>
    </Card>
  );
}
