import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type Crumb = { label: string; href?: string };

/** A module's sub-page (templates, automations, view builder): breadcrumb (module › … › page), heading, actions. */
export function ModulePageFrame({
  module,
  breadcrumbLabel,
  crumbs,
  heading,
  actions,
  wide = false,
  children,
}: {
  module: { id: string; name: string };
  /** The breadcrumb navigation's accessible name. */
  breadcrumbLabel: string;
  /** After the module: the last one is the current page (no link). */
  crumbs: Crumb[];
  heading: string;
  actions?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  const trail: Crumb[] = [{ label: module.name, href: `/modules/${module.id}` }, ...crumbs];
  return (
    <div className={cn("mx-auto", wide ? "max-w-6xl" : "max-w-5xl")}>
      <nav aria-label={breadcrumbLabel} className="mb-2 text-sm text-slate-600">
        {trail.map((crumb, i) => (
          <span key={i}>
            {i > 0 && (
              <span aria-hidden className="mx-1.5">
                ›
              </span>
            )}
            {crumb.href && i < trail.length - 1 ? (
              <Link href={crumb.href} className="hover:text-brand-700 hover:underline">
                {crumb.label}
              </Link>
            ) : (
              <span>{crumb.label}</span>
            )}
          </span>
        ))}
      </nav>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{heading}</h1>
        {actions}
      </div>
      {children}
    </div>
  );
}
