"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export type PickerVariable = { key: string; group: string; label: string };

/**
 * "Insert variable": a button opening a searchable list (a combobox: type to narrow, arrows to move,
 * Enter to insert, Escape to close). `onPick` gets the variable's key; focus goes back to the caller.
 */
export function VariablePicker({ variables, labelFor, onPick, label }: { variables: PickerVariable[]; labelFor: (key: string) => string; onPick: (key: string) => void; label?: string }) {
  const t = useTranslations("templates.picker");
  const tg = useTranslations("templates.groups");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? variables.filter((v) => labelFor(v.key).toLowerCase().includes(q) || v.key.toLowerCase().includes(q) || tg(v.group).toLowerCase().includes(q)) : variables;
  }, [query, variables, tg, labelFor]);
  const close = () => {
    setOpen(false);
    setQuery("");
    setActive(0);
    buttonRef.current?.focus();
  };
  const pick = (key: string) => {
    setOpen(false);
    setQuery("");
    setActive(0);
    onPick(key);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, shown.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (shown[active]) pick(shown[active].key);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  };
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="relative">
      <button type="button" ref={buttonRef} className={buttonClass("secondary", "sm")} aria-expanded={open} aria-haspopup="listbox" onClick={() => (open ? close() : setOpen(true))}>
        <span aria-hidden className="font-mono text-xs">
          {"{ }"}
        </span>
        {label ?? t("insert")}
      </button>
      {open && (
        <div className="absolute right-0 z-20 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          <input
            autoFocus
            role="combobox"
            aria-label={t("search")}
            aria-expanded="true"
            aria-controls={`${id}-list`}
            aria-activedescendant={shown[active] ? optionId(active) : undefined}
            aria-autocomplete="list"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            onBlur={(e) => {
              if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) setOpen(false);
            }}
            placeholder={t("searchPlaceholder")}
            className="mb-2 block h-9 w-full rounded-md border border-slate-300 px-2 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none"
          />
          <ul id={`${id}-list`} role="listbox" aria-label={t("list")} className="max-h-64 overflow-y-auto">
            {shown.length === 0 && <li className="px-2 py-1.5 text-sm text-slate-500">{t("none")}</li>}
            {shown.map((v, i) => (
              <li
                key={v.key}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                tabIndex={-1}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(v.key)}
                onMouseEnter={() => setActive(i)}
                className={cn("flex cursor-pointer items-baseline justify-between gap-2 rounded px-2 py-1.5 text-sm", i === active ? "bg-brand-50 text-brand-900" : "text-slate-800")}
              >
                <span>{labelFor(v.key)}</span>
                <span className="shrink-0 text-xs text-slate-500">{tg(v.group)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
