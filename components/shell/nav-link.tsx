"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { LinkPendingHint } from "./navigation-feedback";

export function NavLink({ href, children, className, onNavigate }: { href: string; children: React.ReactNode; className?: string; onNavigate?: () => void }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      prefetch={false} // every page is rendered per request; prefetching them all on each view (and each live refresh) only loads the server
      aria-current={active ? "page" : undefined}
      onNavigate={onNavigate}
      className={cn(
        "relative block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap",
        active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
        className,
      )}
    >
      {children}
      <LinkPendingHint />
    </Link>
  );
}
