"use client";

import { usePathname } from "next/navigation";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { DIVIDER, fitNav } from "./fit-nav";
import { NavLink } from "./nav-link";
import { NavMenu } from "./nav-menu";

export type NavItem = { href: string; label: string };

const itemClass = "block max-w-48 truncate rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap";

/**
 * The desktop navigation: one row that never wraps. What does not fit goes into "More" — measured,
 * not guessed from breakpoints, because module names are the organisation's own (any length, any
 * language) and the header's right-hand side varies (language switch, search). An invisible copy of
 * the labels gives each item's width; a ResizeObserver refits when the row or the labels change size.
 * Before scripts run the row simply clips (it never wraps).
 */
export function PrimaryNav({
  label,
  modules,
  links,
  noModules,
  moreLabel,
  modulesLabel,
}: {
  label: string;
  modules: NavItem[];
  links: NavItem[];
  noModules: string;
  moreLabel: string;
  modulesLabel: string;
}) {
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<{ modules: number; links: number } | null>(null);

  const refit = useCallback(() => {
    const box = measure.current;
    if (!nav.current || !box) return;
    const widths = (name: string) => Array.from(box.querySelectorAll<HTMLElement>(`[data-measure="${name}"]`), (el) => el.getBoundingClientRect().width);
    const next = fitNav(nav.current.clientWidth, widths("module"), widths("link"), widths("more")[0] ?? 0, DIVIDER);
    setFit((prev) => (prev && prev.modules === next.modules && prev.links === next.links ? prev : next));
  }, []);

  useLayoutEffect(() => {
    refit();
    const observer = new ResizeObserver(refit);
    if (nav.current) observer.observe(nav.current);
    if (measure.current) observer.observe(measure.current);
    return () => observer.disconnect();
  }, [refit, modules, links]);

  const shownModules = fit ? modules.slice(0, fit.modules) : modules;
  const shownLinks = fit ? links.slice(0, fit.links) : links;
  const hiddenModules = fit ? modules.slice(fit.modules) : [];
  const hiddenLinks = fit ? links.slice(fit.links) : [];
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`);

  return (
    <nav ref={nav} aria-label={label} data-ready={fit ? "" : undefined} className="relative hidden min-w-0 flex-1 md:block">
      <ul className={cn("flex items-center gap-1", !fit && "overflow-hidden")}>
        {modules.length === 0 && <li className="px-3 py-2 text-sm whitespace-nowrap text-slate-500 italic">{noModules}</li>}
        {shownModules.map((m) => (
          <li key={m.href} className="shrink-0">
            <NavLink href={m.href} className="max-w-48 truncate">
              {m.label}
            </NavLink>
          </li>
        ))}
        {shownModules.length > 0 && shownLinks.length > 0 && <li className="mx-1 h-5 w-px shrink-0 bg-slate-200" aria-hidden />}
        {shownLinks.map((l) => (
          <li key={l.href} className="shrink-0">
            <NavLink href={l.href}>{l.label}</NavLink>
          </li>
        ))}
        {hiddenModules.length + hiddenLinks.length > 0 && (
          <li className="shrink-0">
            <NavMenu
              label={moreLabel}
              current={[...hiddenModules, ...hiddenLinks].some((i) => isActive(i.href))}
              groups={[
                { label: modulesLabel, items: hiddenModules },
                { label: null, items: hiddenLinks },
              ]}
            />
          </li>
        )}
      </ul>
      {/* The labels as they would render, for measuring only: invisible (so out of the accessibility tree) and not interactive. */}
      <div aria-hidden className="absolute top-0 left-0 size-0 overflow-hidden" inert>
        <div ref={measure} className="invisible flex w-max items-center">
          {modules.map((m) => (
            <span key={m.href} data-measure="module" className={itemClass}>
              {m.label}
            </span>
          ))}
          {links.map((l) => (
            <span key={l.href} data-measure="link" className={itemClass}>
              {l.label}
            </span>
          ))}
          <span data-measure="more" className={cn(itemClass, "inline-flex items-center gap-1")}>
            {moreLabel}
            <span className="size-4" />
          </span>
        </div>
      </div>
    </nav>
  );
}
