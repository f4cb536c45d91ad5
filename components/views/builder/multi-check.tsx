"use client";

import { cn } from "@/components/ui/cn";

/** A labelled group of checkboxes (statuses, users, choices): short lists fit inline, long ones scroll. */
export function MultiCheck({
  legend,
  options,
  value,
  onChange,
  errorId,
  invalid,
}: {
  legend: string;
  options: { id: string; label: string }[];
  value: string[];
  onChange: (ids: string[]) => void;
  errorId?: string;
  invalid?: boolean;
}) {
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <fieldset aria-describedby={invalid ? errorId : undefined} className="min-w-0">
      <legend className="sr-only">{legend}</legend>
      <div
        className={cn(
          "flex max-h-44 flex-wrap gap-x-4 gap-y-1.5 overflow-y-auto rounded-md border bg-white px-3 py-2",
          invalid ? "border-red-500" : "border-slate-300",
        )}
      >
        {options.map((o) => (
          <label key={o.id} className="flex min-h-6 items-center gap-1.5 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300 accent-brand-600"
              checked={value.includes(o.id)}
              onChange={(e) => toggle(o.id, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
