import { z } from "zod";
import { saneDateSchema } from "@/lib/time/date-range";
import { periodDays, periodPresets } from "./period";

const ids = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid("unknown_id")).max(200));

/** A report's question, as the Reports page's form sends it (GET), so a report is a link to share. */
export const reportInputSchema = z
  .object({
    period: z.enum(periodPresets).default("last_month"),
    from: saneDateSchema.optional(),
    to: saneDateSchema.optional(),
    module: ids,
    group: ids,
    compare: z.preprocess((v) => v === "1" || v === "on" || v === true, z.boolean()).default(false),
  })
  .superRefine((input, issue) => {
    if (input.period !== "custom") return;
    if (!input.from || !input.to)
      return issue.addIssue({
        code: "custom",
        path: ["from"],
        message: "report_period_missing",
      });
    if (input.to < input.from)
      return issue.addIssue({
        code: "custom",
        path: ["to"],
        message: "report_period_backwards",
      });
    if (periodDays({ from: input.from, to: input.to }) > 5 * 366)
      issue.addIssue({
        code: "custom",
        path: ["to"],
        message: "report_period_too_long",
      });
  });
export type ReportInput = z.infer<typeof reportInputSchema>;

/** URLSearchParams (or Next's searchParams object) → the schema's input: repeated keys become arrays. */
export function searchParamsInput(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, unknown> {
  if (params instanceof URLSearchParams) {
    const out: Record<string, unknown> = {};
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key);
      out[key] = all.length > 1 ? all : all[0];
    }
    return out;
  }
  return { ...params };
}

/** The input back as a query string, for the links a report makes (drill-down, CSV) to ask the same question. */
export function reportSearch(input: ReportInput, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ period: input.period });
  if (input.period === "custom" && input.from && input.to) {
    params.set("from", input.from);
    params.set("to", input.to);
  }
  for (const id of input.module) params.append("module", id);
  for (const id of input.group) params.append("group", id);
  if (input.compare) params.set("compare", "1");
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}
