"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/actions/locale";
import { cn } from "@/components/ui/cn";

const locales = ["hu", "en"] as const;

export function LanguageSwitch({ className }: { className?: string }) {
  const t = useTranslations("common");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("nav.language")} className={cn("inline-flex rounded-md border border-slate-300 bg-white p-0.5", className)}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={current === locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocaleAction(locale);
              router.refresh();
            })
          }
          className={cn(
            "rounded px-2.5 py-1 text-xs font-medium",
            current === locale ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          {t(`languages.${locale}`)}
        </button>
      ))}
    </div>
  );
}
