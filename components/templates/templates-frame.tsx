import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** The Templates pages' breadcrumb (module › Templates › page) and heading. */
export async function TemplatesFrame({ module, crumb, heading, actions, children }: { module: { id: string; name: string }; crumb?: string; heading: string; actions?: ReactNode; children: ReactNode }) {
  const t = await getTranslations("templates");
  return (
    <div className="mx-auto max-w-5xl">
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-slate-600">
        <Link href={`/modules/${module.id}`} className="hover:text-brand-700 hover:underline">
          {module.name}
        </Link>
        <span aria-hidden className="mx-1.5">
          ›
        </span>
        {crumb ? (
          <>
            <Link href={`/modules/${module.id}/templates`} className="hover:text-brand-700 hover:underline">
              {t("title")}
            </Link>
            <span aria-hidden className="mx-1.5">
              ›
            </span>
            <span>{crumb}</span>
          </>
        ) : (
          <span>{t("title")}</span>
        )}
      </nav>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{heading}</h1>
        {actions}
      </div>
      {children}
    </div>
  );
}
