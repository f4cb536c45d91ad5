"use client";

import { useLinkStatus } from "next/link";
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type Report = (pending: boolean) => void;

const PendingContext = createContext<{ pending: boolean; report: Report }>({ pending: false, report: () => {} });

/**
 * Feedback the moment a link is clicked, before the next page's first byte: every link that carries a
 * `<LinkPendingHint />` reports its pending state here (Next's `useLinkStatus`), and while one is pending
 * a bar shows at the top of the window, `<main>` is `aria-busy` and a polite live region says "Loading…".
 * No route `loading.tsx` skeletons: a streamed page answers 200 before it knows a card is hidden (a 404),
 * and under load the streamed copy briefly sat beside the hydrated one in the DOM.
 */
export function NavigationFeedback({ label, children }: { label: string; children: ReactNode }) {
  const [count, setCount] = useState(0);
  const report = useCallback<Report>((pending) => setCount((c) => Math.max(0, c + (pending ? 1 : -1))), []);
  const pending = count > 0;
  return (
    <PendingContext.Provider value={{ pending, report }}>
      <div
        aria-hidden
        className={cn(
          "pointer-events-none fixed inset-x-0 top-0 z-50 h-1 bg-brand-600 transition-opacity",
          pending ? "opacity-100 delay-100 motion-safe:animate-pulse" : "opacity-0",
        )}
      />
      {/* Always in the page, so screen readers announce the text when it appears. */}
      <div role="status" aria-live="polite" className="sr-only">
        {pending ? label : ""}
      </div>
      {children}
    </PendingContext.Provider>
  );
}

/** `<main>`, busy while a navigation is pending. */
export function NavigationMain({ className, children }: { className?: string; children: ReactNode }) {
  const { pending } = useContext(PendingContext);
  return (
    <main className={className} aria-busy={pending || undefined}>
      {children}
    </main>
  );
}

/**
 * Put inside a `<Link>` (which needs `relative`): a thin bar under the link while its navigation is
 * pending, fixed-size and absolutely placed so nothing shifts; it also tells `NavigationFeedback`.
 */
export function LinkPendingHint({ className }: { className?: string }) {
  const { pending } = useLinkStatus();
  const { report } = useContext(PendingContext);
  useEffect(() => {
    if (!pending) return;
    report(true);
    return () => report(false);
  }, [pending, report]);
  return (
    <span
      aria-hidden
      data-pending={pending || undefined}
      className={cn(
        "pointer-events-none absolute inset-x-2 bottom-0.5 h-0.5 rounded-full bg-current opacity-0 transition-opacity",
        pending && "opacity-60 delay-100 motion-safe:animate-pulse",
        className,
      )}
    />
  );
}
