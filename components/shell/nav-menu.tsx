"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { NavLink } from "./nav-link";
import type { NavItem } from "./primary-nav";
import { useHydrated } from "@/components/ui/use-hydrated";

type Group = { label: string | null; items: NavItem[]; /** Said when the group has no links. */ empty?: string };

/**
 * A disclosure of navigation links: "More" in the desktop row, the whole navigation on a phone.
 * The button says whether it is open (`aria-expanded`); opened from the keyboard, focus moves to the
 * first link; arrow keys move between links; Escape closes and gives focus back to the button; so do
 * a click outside, tabbing away and choosing a link.
 */
export function NavMenu({
  label,
  icon,
  groups,
  current = false,
  className,
}: {
  label: string;
  /** Shown instead of the label (which then names the button for screen readers). */
  icon?: ReactNode;
  groups: Group[];
  /** The current page is one of the links: the button looks active. */
  current?: boolean;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  const pathname = usePathname();
  const hydrated = useHydrated();
  const [openedAt, setOpenedAt] = useState(pathname);
  if (open && pathname !== openedAt) {
    setOpen(false); // a link was followed
    setOpenedAt(pathname);
  }

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const links = () => Array.from(panel.current?.querySelectorAll<HTMLAnchorElement>("a[href]") ?? []);
  const toggle = (event: MouseEvent<HTMLButtonElement>) => {
    const opening = !open;
    setOpen(opening);
    setOpenedAt(pathname);
    // From the keyboard (Enter or Space give a click with detail 0): into the menu.
    if (opening && event.detail === 0) requestAnimationFrame(() => links()[0]?.focus());
  };
  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      close(true);
      return;
    }
    if (!open || !["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) return;
    const all = links();
    if (all.length === 0) return;
    event.preventDefault();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    const next =
      event.key === "Home" ? 0 : event.key === "End" ? all.length - 1 : event.key === "ArrowDown" ? (at + 1) % all.length : (at - 1 + all.length) % all.length;
    all[next]?.focus();
  };

  const shown = groups.filter((g) => g.items.length > 0 || g.empty);
  return (
    <div
      ref={root}
      className={cn("relative", className)}
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
        aria-label={icon ? label : undefined}
        data-ready={hydrated ? "" : undefined}
        onClick={toggle}
        className={cn(
          "inline-flex items-center gap-1 rounded-md text-sm font-medium whitespace-nowrap",
          icon ? "p-2 text-slate-700 hover:bg-slate-100" : "px-3 py-2",
          !icon && (current ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"),
        )}
      >
        {icon ?? (
          <>
            {label}
            <svg className={cn("size-4 transition-transform", open && "rotate-180")} viewBox="0 0 20 20" fill="currentColor" aria-hidden>
              <path d="M5.2 7.5 10 12.3l4.8-4.8 1 1.1-5.8 5.8-5.8-5.8 1-1.1Z" />
            </svg>
          </>
        )}
      </button>
      <div
        ref={panel}
        id={id}
        hidden={!open}
        tabIndex={-1}
        className="absolute right-0 z-30 mt-2 focus:outline-none max-h-[calc(100dvh-5rem)] w-64 max-w-[calc(100vw-2rem)] overflow-y-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg"
      >
        {shown.map((group, i) => (
          <div key={group.label ?? i} className={cn(i > 0 && "mt-1 border-t border-slate-100 pt-1")}>
            {group.label && <p className="px-3 pt-1 pb-0.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">{group.label}</p>}
            {group.items.length === 0 && <p className="px-3 py-2 text-sm text-slate-500 italic">{group.empty}</p>}
            <ul className="space-y-0.5">
              {group.items.map((item) => (
                <li key={item.href}>
                  <NavLink href={item.href} className="break-words whitespace-normal" onNavigate={() => close(true)}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
