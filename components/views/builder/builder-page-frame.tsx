import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** The builder pages' breadcrumb (module › page) and heading. */
export async function BuilderPageFrame({ module, title, heading, children }: { module: { id: string; name: string }; title: string; heading: string; children: ReactNode }) {
  const t = await getTranslations("view-builder");
  return (
    <div className="mx-auto max-w-5xl">
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-slate-600">
        <Link href={`/modules/${module.id}`} className="hover:text-brand-700 hover:underline">
          {module.name}
        </Link>
        <span aria-hidden className="mx-1.5">
          ›
        </span>
        <span>{title}</span>
      </nav>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight text-slate-900">{heading}</h1>
      {children}
    </div>
  );
}
