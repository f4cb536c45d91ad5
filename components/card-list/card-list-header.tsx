import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import type { CardListParams } from "./list-params";
import { ViewSwitch } from "./view-switch";

/** The module's name (and the open view's), how many cards the filters leave, the view switcher, List/Board and "New card". */
export async function CardListHeader({
  module,
  view,
  params,
  total,
  totalCapped = false,
  viewName,
  switcher,
}: {
  module: { id: string; name: string };
  view: "list" | "board";
  params: CardListParams;
  total: number;
  /** A search stopped counting: "1,000+ cards". */
  totalCapped?: boolean;
  /** The saved view the list shows, if any. */
  viewName?: string | null;
  /** The saved views' switcher (components/views/view-switcher.tsx), before List/Board. */
  switcher?: ReactNode;
}) {
  const [t, tTools, tDocuments, tImports, actor] = await Promise.all([
    getTranslations("cards.list"),
    getTranslations("templates.moduleLinks"),
    getTranslations("documents"),
    getTranslations("imports"),
    getCurrentUser(),
  ]);
  // The module's Templates (managers, admins), Automations (whoever may bulk-send: its one-time runs), Documents and Import.
  const tools = [
    actor && can(actor, "templates.manage") ? { href: `/modules/${module.id}/templates`, label: tTools("templates") } : null,
    actor && can(actor, "email.bulk_send") ? { href: `/modules/${module.id}/automations`, label: tTools("automations") } : null,
    actor && can(actor, "documents.manage") ? { href: `/modules/${module.id}/documents`, label: tDocuments("title") } : null,
    actor && can(actor, "imports.run") ? { href: `/modules/${module.id}/import`, label: tImports("importLink") } : null,
  ].filter((l) => l !== null);
  return (
    <div className="mb-5 flex flex-wrap items-center justify-between gap-3">
      <div className="min-w-0">
        <h1 className="truncate text-2xl font-semibold tracking-tight text-slate-900">
          {module.name}
          {viewName && (
            <>
              <span className="text-slate-400" aria-hidden>
                {" · "}
              </span>
              <span className="sr-only">, </span>
              <span className="font-normal text-slate-700">{viewName}</span>
            </>
          )}
        </h1>
        <p className="mt-0.5 text-sm text-slate-500">{t(totalCapped ? "countLabelCapped" : "countLabel", { count: total })}</p>
        {tools.length > 0 && (
          <nav aria-label={tTools("label")} className="mt-1 flex flex-wrap gap-3 text-sm">
            {tools.map((l) => (
              <Link key={l.href} href={l.href} className="text-brand-700 hover:underline">
                {l.label}
              </Link>
            ))}
          </nav>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {switcher}
        <ViewSwitch moduleId={module.id} current={view} params={params} />
        <Link href={`/modules/${module.id}/new`} className={buttonClass("primary", "sm")}>
          <svg className="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden>
            <path d="M9.25 4h1.5v5.25H16v1.5h-5.25V16h-1.5v-5.25H4v-1.5h5.25V4Z" />
          </svg>
          {t("newCard")}
        </Link>
      </div>
    </div>
  );
}
