import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** An import page's frame: breadcrumb (module › Import › file, or Contacts › Import › file) and heading. */
export async function ImportFrame({ module, fileCrumb, children }: { module: { id: string; name: string } | null; fileCrumb?: string; children: ReactNode }) {
  const t = await getTranslations("imports");
  const base = module ? `/modules/${module.id}/import` : "/contacts/import";
  const trail = [
    module ? { label: module.name, href: `/modules/${module.id}` } : { label: t("contactsTitle"), href: "/contacts" },
    { label: t("title"), href: fileCrumb ? base : undefined },
    ...(fileCrumb ? [{ label: fileCrumb, href: undefined }] : []),
  ];
  return (
    <div className="mx-auto max-w-5xl">
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-slate-600">
        {trail.map((crumb, i) => (
          <span key={i}>
            {i > 0 && (
              <span aria-hidden className="mx-1.5">
                ›
              </span>
            )}
            {crumb.href ? (
              <Link href={crumb.href} className="hover:text-brand-700 hover:underline">
                {crumb.label}
              </Link>
            ) : (
              <span aria-current={i === trail.length - 1 ? "page" : undefined} className="break-all">
                {crumb.label}
              </span>
            )}
          </span>
        ))}
      </nav>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight break-words text-slate-900">{module ? t("heading", { module: module.name }) : t("contactsHeading")}</h1>
      {children}
    </div>
  );
}
