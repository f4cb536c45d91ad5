import { getFormatter, getTranslations } from "next-intl/server";
import { RateForm, RemoveRateButton, ReportCurrencyForm } from "@/components/reports/currency-settings";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { getOrganisation } from "@/lib/org/organisation";
import { listRates } from "@/lib/reports/currency-rates";

export async function generateMetadata() {
  return { title: (await getTranslations("reports.settings"))("title") };
}

/** Settings → Reports (admins): the reporting currency and the monthly rates reports convert with. */
export default async function ReportSettingsPage() {
  await requirePermission("reports.configure");
  const db = await getDb();
  const [org, rates, t, format] = await Promise.all([getOrganisation(db), listRates(db), getTranslations("reports.settings"), getFormatter()]);
  const currency = org?.reportCurrency ?? "HUF";
  const monthLabel = (m: string) => format.dateTime(new Date(`${m.slice(0, 7)}-15T12:00:00Z`), { year: "numeric", month: "long", timeZone: "UTC" });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <ReportCurrencyForm currency={currency} />
        <Card className="space-y-4 p-6">
          <h2 className="text-lg font-semibold text-slate-900">{t("rates.title")}</h2>
          <p className="text-sm text-slate-600">{t("rates.hint", { currency })}</p>
          <RateForm month={systemClock.now().toISOString().slice(0, 7)} />
          {rates.length === 0 ? (
            <EmptyState title={t("rates.list")}>{t("rates.empty")}</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("rates.list")}</caption>
                <thead className="border-b border-slate-200 text-xs text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 font-medium">
                      {t("rates.currency")}
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      {t("rates.month")}
                    </th>
                    <th scope="col" className="py-2 text-right font-medium">
                      {t("rates.rate")}
                    </th>
                    <th scope="col" className="py-2">
                      <span className="sr-only">{t("rates.remove")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rates.map((r) => (
                    <tr key={`${r.currency}${r.month}`}>
                      <th scope="row" className="py-1.5 font-medium">
                        {r.currency}
                      </th>
                      <td className="py-1.5">{monthLabel(r.month)}</td>
                      <td className="py-1.5 text-right tabular-nums">
                        {format.number(r.rate, { maximumFractionDigits: 4 })} {currency}
                      </td>
                      <td className="py-1.5 text-right">
                        <RemoveRateButton
                          currency={r.currency}
                          month={r.month.slice(0, 7)}
                          label={t("rates.removeLabel", { currency: r.currency, month: monthLabel(r.month) })}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
