"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { removeRate, removeRateSchema, reportCurrencySchema, setRate, setRateSchema, setReportCurrency } from "@/lib/reports/currency-rates";

const revalidate = () => {
  revalidatePath("/settings/reports");
  revalidatePath("/reports");
};

export const setReportCurrencyAction = authedAction({ schema: reportCurrencySchema, permission: "reports.configure" }, async (ctx, input) => {
  const result = await setReportCurrency(ctx, input);
  revalidate();
  return result;
});

export const setRateAction = authedAction({ schema: setRateSchema, permission: "reports.configure" }, async (ctx, input) => {
  const result = await setRate(ctx, input);
  revalidate();
  return result;
});

export const removeRateAction = authedAction({ schema: removeRateSchema, permission: "reports.configure" }, async (ctx, input) => {
  const result = await removeRate(ctx, input);
  revalidate();
  return result;
});
