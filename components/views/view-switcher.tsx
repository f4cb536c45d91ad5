"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { duplicateViewAction, moveViewAction } from "@/app/(app)/modules/[moduleId]/views/actions";
import { LinkPendingHint } from "@/components/shell/navigation-feedback";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useErrorMessage, useFormAction } from "@/components/ui/form";
import type { ViewSummary } from "@/lib/views/list-views";
import { RenameViewDialog } from "./rename-view-dialog";
import { TrashViewDialog } from "./trash-view-dialog";
import { useHydrated } from "@/components/ui/use-hydrated";

export type ViewSwitcherProps = {
  moduleId: string;
  /** From listViews: shared views first, then the viewer's own, each in switcher order. */
  views: ViewSummary[];
  /** The view the page shows (`?view=`), or null for all cards. */
  currentViewId: string | null;
  /** The page every view link stays on: `/modules/<id>` (list) or `/modules/<id>/board`. */
  basePath: string;
  /** Query parameters every view link keeps (e.g. `{ user, q }`); the switcher sets `view`. Leave out cursors. */
  keep?: Record<string, string | null | undefined>;
  /** The edge the menu lines up with (default: left). */
  align?: "left" | "right";
  /** The viewer may bulk-email a view (`email.bulk_send`): "Email the cards…" beside the switcher while a view is open. */
  canEmail?: boolean;
};

/** `basePath` with the kept parameters and the view (none: all cards). */
function viewHref(basePath: string, keep: ViewSwitcherProps["keep"], viewId: string | null): string {
  const search = new URLSearchParams();
  if (viewId) search.set("view", viewId);
  for (const [key, value] of Object.entries(keep ?? {})) if (value && key !== "view") search.set(key, value);
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

type Dialog = "rename" | "trash" | null;

/**
 * The module's view switcher beside its title: a button naming the current view opens a panel of
 * links — all cards, the shared views, my views — then what the viewer may do with the current view
 * (edit, rename, duplicate, move up or down, move to the trash) and "New view". A disclosure like the
 * navigation's menus: arrow keys, Home and End move between its items, Escape closes it and gives focus
 * back to the button, so do a click outside, tabbing away and following a link.
 */
export function ViewSwitcher({ moduleId, views, currentViewId, basePath, keep, align = "left", canEmail = false }: ViewSwitcherProps) {
  const t = useTranslations("views.switcher");
  const tBulk = useTranslations("bulk-email.viewAction");
  const message = useErrorMessage();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  const hydrated = useHydrated();

  const current = views.find((v) => v.id === currentViewId) ?? null;
  const shared = views.filter((v) => v.shared);
  const mine = views.filter((v) => !v.shared);
  const group = current ? (current.shared ? shared : mine) : [];
  const at = current ? group.indexOf(current) : -1;

  // The copy opens at once (it is the viewer's own to edit).
  const duplicate = useFormAction(async (prev: Parameters<typeof duplicateViewAction>[0], input: Parameters<typeof duplicateViewAction>[1]) => {
    const result = await duplicateViewAction(prev, input);
    if (result.ok) {
      setOpen(false);
      router.push(viewHref(basePath, keep, result.data.viewId));
    }
    return result;
  });
  const move = useFormAction(moveViewAction);
  const failed = [duplicate.state, move.state].find((s) => s && !s.ok);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const items = () => Array.from(panel.current?.querySelectorAll<HTMLElement>("a[href], button:not([disabled])") ?? []);
  const toggle = (event: MouseEvent<HTMLButtonElement>) => {
    const opening = !open;
    setOpen(opening);
    // From the keyboard (Enter or Space give a click with detail 0): into the menu.
    if (opening && event.detail === 0) requestAnimationFrame(() => items()[0]?.focus());
  };
  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };
  const openDialog = (which: Dialog) => {
    setOpen(false);
    setDialog(which);
  };
  const closeDialog = useCallback(() => {
    setDialog(null);
    button.current?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      close(true);
      return;
    }
    if (!open || !["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) return;
    const all = items();
    if (all.length === 0) return;
    event.preventDefault();
    const i = all.indexOf(document.activeElement as HTMLElement);
    const next = event.key === "Home" ? 0 : event.key === "End" ? all.length - 1 : event.key === "ArrowDown" ? (i + 1) % all.length : (i - 1 + all.length) % all.length;
    all[next]?.focus();
  };

  const link = (href: string, label: ReactNode, isCurrent = false) => (
    <Link
      href={href}
      prefetch={false}
      aria-current={isCurrent ? "page" : undefined}
      onNavigate={() => close(true)}
      className={cn(
        "relative block rounded-md px-3 py-2 text-sm font-medium break-words",
        isCurrent ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
      )}
    >
      {label}
      <LinkPendingHint />
    </Link>
  );
  const action = (label: string, onClick: () => void, { disabled = false, danger = false } = {}) => (
    <button
      type="button"
      // aria-disabled, not disabled: after "Move up" reaches the top the button keeps the focus.
      aria-disabled={disabled || undefined}
      onClick={() => !disabled && onClick()}
      className={cn(
        "block w-full rounded-md px-3 py-2 text-left text-sm font-medium",
        disabled ? "cursor-not-allowed text-slate-500" : danger ? "text-red-700 hover:bg-red-50" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
      )}
    >
      {label}
    </button>
  );
  const heading = (text: string) => <p className="px-3 pt-1 pb-0.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">{text}</p>;
  const section = "mt-1 border-t border-slate-100 pt-1";

  return (
    <>
      <div
        ref={root}
        className="relative min-w-0"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        data-ready={hydrated ? "" : undefined}
        onClick={toggle}
        className="inline-flex h-9 max-w-full items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 shadow-xs hover:bg-slate-50"
      >
        <span className="text-slate-500">{t("label")}:</span>{" "}
        <span className="min-w-0 truncate">{current?.name ?? t("allCards")}</span>
        <svg className={cn("size-4 shrink-0 transition-transform", open && "rotate-180")} viewBox="0 0 20 20" fill="currentColor" aria-hidden>
          <path d="M5.2 7.5 10 12.3l4.8-4.8 1 1.1-5.8 5.8-5.8-5.8 1-1.1Z" />
        </svg>
      </button>
      <div
        ref={panel}
        id={id}
        hidden={!open}
        className={cn(
          "absolute z-30 mt-2 max-h-[calc(100dvh-8rem)] w-72 max-w-[calc(100vw-2rem)] overflow-y-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg",
          align === "right" ? "right-0" : "left-0",
        )}
      >
        <ul>
          <li>{link(viewHref(basePath, keep, null), t("allCards"), current === null)}</li>
        </ul>
        {shared.length > 0 && (
          <div className={section}>
            {heading(t("shared"))}
            <ul className="space-y-0.5">
              {shared.map((v) => (
                <li key={v.id}>{link(viewHref(basePath, keep, v.id), v.name, v.id === current?.id)}</li>
              ))}
            </ul>
          </div>
        )}
        <div className={section}>
          {heading(t("mine"))}
          {mine.length === 0 && <p className="px-3 py-2 text-sm text-slate-500 italic">{t("noMine")}</p>}
          <ul className="space-y-0.5">
            {mine.map((v) => (
              <li key={v.id}>{link(viewHref(basePath, keep, v.id), v.name, v.id === current?.id)}</li>
            ))}
          </ul>
        </div>
        {current && (
          <div className={section}>
            {heading(t("thisView"))}
            <ul className="space-y-0.5">
              {current.canEdit && <li>{link(`/modules/${moduleId}/views/${current.id}/edit`, t("edit"))}</li>}
              {current.canEdit && <li>{action(t("rename"), () => openDialog("rename"))}</li>}
              <li>{action(t("duplicate"), () => duplicate.run({ viewId: current.id, moduleId, name: t("copyOf", { name: current.name }) }), { disabled: duplicate.pending })}</li>
              {current.canEdit && group.length > 1 && (
                <>
                  <li>{action(t("moveUp"), () => move.run({ viewId: current.id, moduleId, to: "up" }), { disabled: at <= 0 || move.pending })}</li>
                  <li>{action(t("moveDown"), () => move.run({ viewId: current.id, moduleId, to: "down" }), { disabled: at >= group.length - 1 || move.pending })}</li>
                </>
              )}
              {current.canEdit && <li>{action(t("trash"), () => openDialog("trash"), { danger: true })}</li>}
            </ul>
          </div>
        )}
        <div className={section}>
          {link(
            `/modules/${moduleId}/views/new`,
            <span className="inline-flex items-center gap-1.5">
              <svg className="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden>
                <path d="M9.25 4h1.5v5.25H16v1.5h-5.25V16h-1.5v-5.25H4v-1.5h5.25V4Z" />
              </svg>
              {t("newView")}
            </span>,
          )}
        </div>
        {failed && !failed.ok && (
          <p role="alert" className="mt-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {message(failed.error)}
          </p>
        )}
      </div>
      {current?.canEdit && (
        <>
          <RenameViewDialog moduleId={moduleId} view={current} open={dialog === "rename"} onClose={closeDialog} />
          <TrashViewDialog moduleId={moduleId} view={current} next={viewHref(basePath, keep, null)} open={dialog === "trash"} onClose={closeDialog} />
        </>
      )}
      </div>
      {canEmail && current && (
        <Link href={`/modules/${moduleId}/views/${current.id}/email`} prefetch={false} className={buttonClass("secondary", "sm")}>
          {tBulk("email")}
        </Link>
      )}
    </>
  );
}
