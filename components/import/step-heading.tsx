"use client";

import { useEffect, useRef } from "react";

/** A step's heading; focus moves to it when the step opens, so a screen reader hears where it is. */
export function StepHeading({ children, focus = true, id }: { children: React.ReactNode; focus?: boolean; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focus) return;
    // After a navigation (the upload opens the draft's page) Next moves focus itself once it has rendered: come after it.
    ref.current?.focus();
    const again = setTimeout(() => ref.current?.focus(), 100);
    return () => clearTimeout(again);
  }, [focus]);
  return (
    <h2 ref={ref} id={id} tabIndex={-1} className="mb-3 text-lg font-semibold text-slate-900 focus:outline-none">
      {children}
    </h2>
  );
}
