import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LinkPendingHint } from "@/components/shell/navigation-feedback";
import { cn } from "@/components/ui/cn";
import { cardListHref, type CardListParams } from "./list-params";

/** List ⇄ Board, keeping the view and the filters. */
export async function ViewSwitch({ moduleId, current, params }: { moduleId: string; current: "list" | "board"; params: CardListParams }) {
  const t = await getTranslations("cards.list");
  const keep = { view: params.view, user: params.user, status: params.status, sort: params.sort, q: params.q };
  const views = [
    { key: "list", label: t("viewList"), href: cardListHref(`/modules/${moduleId}`, keep), icon: "M3 5h14M3 10h14M3 15h14" },
    { key: "board", label: t("viewBoard"), href: cardListHref(`/modules/${moduleId}/board`, keep), icon: "M3 4h4v12H3zM8 4h4v8H8zM13 4h4v10h-4z" },
  ] as const;
  return (
    <nav aria-label={t("views")} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 shadow-xs">
      {views.map((v) => (
        <Link
          key={v.key}
          href={v.href}
          aria-current={current === v.key ? "page" : undefined}
          className={cn(
            "relative inline-flex h-8 items-center gap-1.5 rounded px-3 text-sm font-medium transition-colors",
            current === v.key ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100",
          )}
        >
          <svg className="size-4" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
            <path d={v.icon} strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {v.label}
          <LinkPendingHint />
        </Link>
      ))}
    </nav>
  );
}
