import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { currencyRates, organisation } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "invalid_currency");
const month = z.string().regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, "invalid_month");

export const reportCurrencySchema = z.object({ currency });
/** A rate as people type it: "392,5" in Hungarian is 392.5. */
const rate = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().replace(",", ".") : v),
  z.coerce.number("invalid_number").positive("invalid_rate").max(1e9, "invalid_rate"),
);
export const setRateSchema = z.object({ currency, month, rate });
export const removeRateSchema = z.object({ currency, month });

export const listRates = (db: Db) => db.select().from(currencyRates).orderBy(asc(currencyRates.currency), asc(currencyRates.month));

/** The currency every report's money is shown in. */
export async function setReportCurrency(ctx: Ctx, input: z.input<typeof reportCurrencySchema>) {
  if (!can(ctx.actor, "reports.configure")) throw forbidden();
  const { currency: code } = reportCurrencySchema.parse(input);
  await ctx.db.update(organisation).set({ reportCurrency: code });
  return { currency: code };
}

/** A month's rate: how many reporting-currency units one unit of `currency` was worth (a later month without one uses it too). */
export async function setRate(ctx: Ctx, input: z.input<typeof setRateSchema>) {
  if (!can(ctx.actor, "reports.configure")) throw forbidden();
  const { currency: code, month: ym, rate: value } = setRateSchema.parse(input);
  const row = { currency: code, month: `${ym}-01`, rate: value, updatedAt: ctx.now };
  await ctx.db
    .insert(currencyRates)
    .values(row)
    .onConflictDoUpdate({ target: [currencyRates.currency, currencyRates.month], set: { rate: value, updatedAt: ctx.now } });
  return { currency: code, month: ym, rate: value };
}

export async function removeRate(ctx: Ctx, input: z.input<typeof removeRateSchema>) {
  if (!can(ctx.actor, "reports.configure")) throw forbidden();
  const { currency: code, month: ym } = removeRateSchema.parse(input);
  const gone = await ctx.db
    .delete(currencyRates)
    .where(and(eq(currencyRates.currency, code), eq(currencyRates.month, `${ym}-01`)))
    .returning({ currency: currencyRates.currency });
  if (!gone.length) throw notFound();
  return { currency: code, month: ym };
}
