"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, type ReactElement } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useHydrated } from "@/components/ui/use-hydrated";

const colours = {
  created: "#2563eb",
  won: "#15803d",
  lost: "#b91c1c",
  statusChanges: "#7c3aed",
  todosDone: "#b45309",
};
type Series = keyof typeof colours;

/**
 * A chart with its numbers: the drawing for the eye, and the same data as a table (under "Show the
 * numbers") for screen readers, keyboards and anyone who wants the figures.
 */
function ChartFigure({
  title,
  height,
  columns,
  rows,
  children,
}: {
  title: string;
  height: number;
  columns: string[];
  rows: (string | number)[][];
  children: ReactElement;
}) {
  const t = useTranslations("reports.charts");
  const hydrated = useHydrated();
  const id = useId();
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm break-inside-avoid" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="mb-3 text-sm font-semibold text-slate-900">
        {title}
      </figcaption>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noData")}</p>
      ) : (
        <>
          <div style={{ height }} aria-hidden className="print:w-[640px]">
            {hydrated && (
              <ResponsiveContainer width="100%" height="100%">
                {children}
              </ResponsiveContainer>
            )}
          </div>
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer rounded text-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none">
              {t("numbers")}
            </summary>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{title}</caption>
                <thead className="text-xs text-slate-600">
                  <tr>
                    {columns.map((c, i) => (
                      <th key={c} scope="col" className={`px-2 py-1 font-medium ${i ? "text-right" : ""}`}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((r) => (
                    <tr key={String(r[0])}>
                      {r.map((v, i) =>
                        i === 0 ? (
                          <th key={i} scope="row" className="px-2 py-1 font-normal">
                            {v}
                          </th>
                        ) : (
                          <td key={i} className="px-2 py-1 text-right tabular-nums">
                            {v}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}

export type ChartData = {
  currency: string;
  people: { name: string; wonValue: number; won: number }[];
  groups: { name: string; created: number; won: number; lost: number }[];
  funnels: {
    name: string;
    steps: { name: string; cards: number; color: string }[];
  }[];
  trend: {
    week: string;
    created: number;
    statusChanges: number;
    won: number;
    lost: number;
    todosDone: number;
  }[];
};

export function ReportCharts({ data }: { data: ChartData }) {
  const t = useTranslations("reports");
  const format = useFormatter();
  const number = (v: number) => format.number(v);
  const money = (v: number) =>
    format.number(v, {
      style: "currency",
      currency: data.currency,
      notation: "compact",
      maximumFractionDigits: 1,
    });
  const people = data.people.filter((p) => p.wonValue > 0 || p.won > 0).slice(0, 15);
  const axis = { fontSize: 12, fill: "#475569" };
  const series = (keys: Series[]) => keys.map((k) => ({ key: k, label: t(`trend.${k}`) }));
  const weekLabel = (week: string) =>
    format.dateTime(new Date(`${week}T12:00:00Z`), {
      month: "short",
      day: "numeric",
      timeZone: "UTC",
    });

  return (
    <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-1">
      <ChartFigure
        title={t("charts.wonPerPerson", { currency: data.currency })}
        height={Math.max(160, people.length * 28 + 40)}
        columns={[t("salesperson"), t("metrics.won"), t("metrics.wonValue")]}
        rows={people.map((p) => [
          p.name,
          number(p.won),
          format.number(p.wonValue, {
            style: "currency",
            currency: data.currency,
            maximumFractionDigits: 0,
          }),
        ])}
      >
        <BarChart data={people} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={money} tick={axis} />
          <YAxis type="category" dataKey="name" width={120} tick={axis} />
          <Tooltip formatter={(v) => money(Number(v))} />
          <Bar dataKey="wonValue" name={t("metrics.wonValue")} fill={colours.won} isAnimationActive={false} />
        </BarChart>
      </ChartFigure>

      <ChartFigure
        title={t("charts.groups")}
        height={240}
        columns={[t("group"), ...series(["created", "won", "lost"]).map((s) => s.label)]}
        rows={data.groups.map((g) => [g.name, number(g.created), number(g.won), number(g.lost)])}
      >
        <BarChart data={data.groups}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={axis} />
          <YAxis allowDecimals={false} tick={axis} tickFormatter={number} />
          <Tooltip formatter={(v) => number(Number(v))} />
          <Legend />
          {series(["created", "won", "lost"]).map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={colours[s.key]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ChartFigure>

      {data.funnels.map((f) => (
        <ChartFigure
          key={f.name}
          title={t("charts.funnel", { module: f.name })}
          height={Math.max(140, f.steps.length * 32 + 30)}
          columns={[t("funnel.status"), t("funnel.entered")]}
          rows={f.steps.some((s) => s.cards) ? f.steps.map((s) => [s.name, number(s.cards)]) : []}
        >
          <BarChart data={f.steps} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={axis} tickFormatter={number} />
            <YAxis type="category" dataKey="name" width={120} tick={axis} />
            <Tooltip formatter={(v) => number(Number(v))} />
            <Bar dataKey="cards" name={t("funnel.entered")} isAnimationActive={false}>
              {f.steps.map((s) => (
                <Cell key={s.name} fill={s.color} />
              ))}
            </Bar>
          </BarChart>
        </ChartFigure>
      ))}

      <ChartFigure
        title={t("charts.trend")}
        height={260}
        columns={[t("charts.week"), ...series(["created", "statusChanges", "won", "lost", "todosDone"]).map((s) => s.label)]}
        rows={data.trend.map((w) => [weekLabel(w.week), number(w.created), number(w.statusChanges), number(w.won), number(w.lost), number(w.todosDone)])}
      >
        <LineChart data={data.trend.map((w) => ({ ...w, label: weekLabel(w.week) }))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axis} />
          <YAxis allowDecimals={false} tick={axis} tickFormatter={number} />
          <Tooltip formatter={(v) => number(Number(v))} />
          <Legend />
          {series(["created", "statusChanges", "won", "lost", "todosDone"]).map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={colours[s.key]} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ChartFigure>
    </div>
  );
}
