"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { autoRetrySeconds, useAutoRetry } from "./use-auto-retry";

/**
 * An unexpected failure while showing a page (the database away for a moment, a bug): said plainly,
 * with "Try again", which fetches the page anew (and does so by itself every few seconds). The
 * reference matches the line in the server's log.
 */
export function ErrorState({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations("common.error");
  useEffect(() => console.error(error), [error]);
  useAutoRetry(retry);
  return (
    <div role="alert" className="mx-auto max-w-md px-4 py-24 text-center">
      <p className="text-sm font-semibold text-red-600">500</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      <p className="mt-1 text-sm text-slate-500">{t("autoRetry", { seconds: autoRetrySeconds })}</p>
      <div className="mt-6 flex justify-center gap-2">
        <Button onClick={retry}>{t("retry")}</Button>
        <Link href="/todos" className={buttonClass("secondary")}>
          {t("back")}
        </Link>
      </div>
      {error.digest && <p className="mt-6 text-xs text-slate-500">{t("reference", { digest: error.digest })}</p>}
    </div>
  );
}
