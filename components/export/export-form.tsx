"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";

/**
 * The export's download: a plain form POST, so the browser streams the zip straight to disk (no
 * script holds it in memory). The list below refreshes while the download runs and once it is recorded.
 */
export function ExportForm() {
  const t = useTranslations("exports");
  const router = useRouter();
  const [started, setStarted] = useState(false);
  const onSubmit = () => {
    setStarted(true);
    for (const ms of [1_000, 4_000, 15_000]) setTimeout(() => router.refresh(), ms);
  };
  return (
    <form method="post" action="/api/export" onSubmit={onSubmit} className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">{t("separator")}</legend>
        <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:gap-6">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="radio" name="separator" value="," defaultChecked className="size-4 accent-brand-600" />
            {t("comma")}
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="radio" name="separator" value=";" className="size-4 accent-brand-600" />
            {t("semicolon")}
          </label>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass("primary")}>
          {t("download")}
        </button>
        <p role="status" className="text-sm text-slate-600">
          {started ? t("started") : ""}
        </p>
      </div>
    </form>
  );
}
