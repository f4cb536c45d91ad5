"use client";

/**
 * ContactPicker — choose an existing company or person by searching as you type, or create one
 * inline (with the duplicate warning). Usable inside another <form> (e.g. "New card"): it renders
 * no <form> of its own, and only the hidden input below takes part in the surrounding form.
 *
 * Props:
 * - label: string — the visible label of the search box ("Company", "Contact person", …).
 * - name?: string — if set, a hidden input of this name carries the chosen contact's id ("" when none).
 * - kind?: "company" | "person" — search and create only this kind; omitted: both.
 * - defaultValue?: PickedContact | null — the contact chosen at first.
 * - onChange?: (contact: PickedContact | null) => void — called on every choice, creation and removal.
 * - allowCreate?: boolean — offer "Create “…”" at the end of the list (default true).
 * - newPersonCompanyId?: string | null — a person created inline belongs to this company.
 *
 * Keyboard: type to search, ↓/↑ move through the matches, Enter chooses, Escape closes
 * (combobox + listbox pattern with aria-activedescendant).
 */
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { searchContactsAction } from "@/app/(app)/contacts/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Label } from "@/components/ui/input";
import type { ContactKind } from "@/db/schema";
import type { ContactListItem } from "@/lib/contacts/list-contacts";
import { ContactQuickCreate } from "./contact-quick-create";

export type PickedContact = { id: string; kind: ContactKind; name: string; companyName?: string | null };

export type ContactPickerProps = {
  label: string;
  name?: string;
  kind?: ContactKind;
  defaultValue?: PickedContact | null;
  onChange?: (contact: PickedContact | null) => void;
  allowCreate?: boolean;
  newPersonCompanyId?: string | null;
};

const debounceMs = 200;

export function ContactPicker({ label, name, kind, defaultValue = null, onChange, allowCreate = true, newPersonCompanyId }: ContactPickerProps) {
  const t = useTranslations("contacts.picker");
  const kinds = useTranslations("contacts.kind");
  const id = useId();
  const focusInput = () => setTimeout(() => document.getElementById(`${id}-input`)?.focus(), 0);
  const [picked, setPicked] = useState<PickedContact | null>(defaultValue);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<ContactListItem[]>([]);
  const [loading, setLoading] = useState(false);
  const [active, setActive] = useState(-1);
  const [creating, setCreating] = useState<string | null>(null);
  const requestSeq = useRef(0);

  // Search as the user types (debounced); answers to older queries are dropped.
  useEffect(() => {
    if (!open) return;
    const seq = ++requestSeq.current;
    const timer = setTimeout(async () => {
      setLoading(true);
      const result = await searchContactsAction(null, { q: query, kind: kind ?? "" });
      if (seq !== requestSeq.current) return;
      setLoading(false);
      setResults(result.ok ? result.data : []);
      setActive(-1);
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [open, query, kind]);

  const trimmed = query.trim();
  const canCreate = allowCreate && trimmed.length > 0;
  const optionCount = results.length + (canCreate ? 1 : 0);
  const optionId = (i: number) => `${id}-option-${i}`;

  const choose = (contact: PickedContact | null) => {
    setPicked(contact);
    setOpen(false);
    setQuery("");
    setCreating(null);
    onChange?.(contact);
    if (!contact) focusInput();
  };

  const activate = (i: number) => {
    if (i < results.length) {
      const r = results[i];
      choose({ id: r.id, kind: r.kind, name: r.name, companyName: r.companyName });
    } else if (canCreate) {
      setOpen(false);
      setCreating(trimmed);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      if (optionCount === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a < 0 && step < 0 ? optionCount - 1 : (a + step + optionCount) % optionCount));
    } else if (event.key === "Enter") {
      // Never submit the surrounding form from the search box.
      event.preventDefault();
      if (open && active >= 0) activate(active);
      else if (open && optionCount === 1) activate(0);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div>
      {name && <input type="hidden" name={name} value={picked?.id ?? ""} />}
      {picked ? (
        <>
          <span id={`${id}-label`} className="mb-1 block text-sm font-medium text-slate-700">
            {label}
          </span>
          <div
            role="group"
            aria-labelledby={`${id}-label`}
            className="flex min-h-10 flex-wrap items-center gap-2 rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 text-sm"
          >
            <span className="flex-1 truncate" aria-label={t("chosen", { name: picked.name })}>
              <span className="font-medium text-slate-900">{picked.name}</span>
              <span className="text-slate-500">
                {" "}
                · {kinds(picked.kind)}
                {picked.companyName ? ` · ${picked.companyName}` : ""}
              </span>
            </span>
            <Button size="sm" variant="ghost" onClick={() => choose(null)}>
              {t("change")}
            </Button>
          </div>
        </>
      ) : (
        <div className="relative">
          <Label htmlFor={`${id}-input`}>{label}</Label>
          <Input
            id={`${id}-input`}
            role="combobox"
            aria-expanded={open}
            aria-controls={`${id}-listbox`}
            aria-autocomplete="list"
            aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
            autoComplete="off"
            placeholder={t("placeholder")}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
              setCreating(null);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          <ul
            id={`${id}-listbox`}
            role="listbox"
            aria-label={label}
            hidden={!open}
            className="absolute z-30 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
          >
            {results.map((r, i) => (
              <li
                key={r.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => activate(i)}
                onMouseMove={() => setActive(i)}
                className={cn("cursor-pointer px-3 py-2", i === active && "bg-brand-50")}
              >
                <span className="font-medium text-slate-900">{r.name}</span>
                <span className="text-slate-500">
                  {" "}
                  · {kinds(r.kind)}
                  {r.companyName ? ` · ${r.companyName}` : ""}
                  {r.emails[0] ? ` · ${r.emails[0]}` : ""}
                </span>
              </li>
            ))}
            {canCreate && (
              <li
                id={optionId(results.length)}
                role="option"
                aria-selected={active === results.length}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => activate(results.length)}
                onMouseMove={() => setActive(results.length)}
                className={cn("cursor-pointer border-t border-slate-100 px-3 py-2 font-medium text-brand-700", active === results.length && "bg-brand-50")}
              >
                + {t("create", { query: trimmed })}
              </li>
            )}
            {!canCreate && results.length === 0 && (
              <li role="presentation" className="px-3 py-2 text-slate-500">
                {loading ? t("searching") : t("noResults")}
              </li>
            )}
          </ul>
          <p className="sr-only" role="status" aria-live="polite">
            {open && !loading ? t("results", { count: results.length }) : ""}
          </p>
        </div>
      )}
      {creating !== null && !picked && (
        <ContactQuickCreate
          key={creating}
          initialText={creating}
          kind={kind}
          companyId={newPersonCompanyId ?? null}
          onCreated={choose}
          onCancel={() => {
            setCreating(null);
            focusInput();
          }}
        />
      )}
    </div>
  );
}
