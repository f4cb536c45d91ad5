"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { optionId, SearchResultsList, searchOptions } from "./search-results";
import { useSearch } from "./use-search";

const isMac = () => /mac|iphone|ipad/i.test(navigator.platform || navigator.userAgent);
const noSubscription = () => () => {};

/**
 * The header's search: a button (and Ctrl-K / ⌘-K anywhere) opening a modal dialog with one
 * combobox that finds cards and contacts (GET /api/search). Full width on a phone.
 */
export function GlobalSearch() {
  const t = useTranslations("search");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const listboxId = useId();
  const statusId = useId();
  const [query, setQuery] = useState("");
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const state = useSearch(query);
  const mac = useSyncExternalStore(noSubscription, isMac, () => false);

  const results = state.status === "done" || state.status === "loading" ? state.results : null;
  const options = searchOptions(results);
  // The active option follows the results: kept while it is still there, else none.
  const active = options.find((o) => o.key === activeKey) ?? null;
  const hasOptions = options.length > 0;

  const open = () => {
    if (!dialog.current?.open) dialog.current?.showModal();
    input.current?.select();
  };
  const close = () => dialog.current?.close();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    if (active) document.getElementById(optionId(listboxId, active.key))?.scrollIntoView({ block: "nearest" });
  }, [active, listboxId]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!hasOptions) return;
      const index = active ? options.indexOf(active) : -1;
      const next = e.key === "ArrowDown" ? (index + 1) % options.length : index <= 0 ? options.length - 1 : index - 1;
      setActiveKey(options[next].key);
    } else if (e.key === "Enter" && active) {
      e.preventDefault();
      close();
      router.push(active.href);
    }
  };

  const status =
    state.status === "idle"
      ? t("hint")
      : state.status === "error"
        ? t("error")
        : state.status === "loading"
          ? t("loading")
          : hasOptions
            ? t("count", { count: options.length })
            : t("empty");
  const more = results && (results.cards.more || results.companies.more || results.persons.more);

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={open}
        className="flex h-9 items-center gap-2 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-600 hover:bg-slate-50 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-brand-500/40 focus-visible:outline-none xl:w-56"
      >
        <SearchIcon />
        {/* Icon only until there is room (the navigation needs it first); the name is the same at every width. */}
        <span className="sr-only xl:not-sr-only">{t("open")}</span>
        <span className="sr-only"> {t("openWhat")}</span>
        <kbd className="ml-auto hidden rounded border border-slate-200 px-1.5 font-sans text-xs text-slate-500 xl:inline" aria-hidden>
          {mac ? "⌘ K" : t("shortcut")}
        </kbd>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => {
          setQuery("");
          setActiveKey(null);
        }}
        onClick={(e) => {
          if (e.target === e.currentTarget) close(); // a click on the backdrop
        }}
        className="m-0 h-dvh max-h-none w-full max-w-none bg-white p-0 shadow-xl backdrop:bg-slate-900/40 sm:mx-auto sm:mt-[12vh] sm:h-fit sm:max-w-xl sm:rounded-lg"
      >
        <div className="flex h-full flex-col sm:h-auto">
          <h2 id={titleId} className="sr-only">
            {t("title")}
          </h2>
          <div className="flex items-center gap-2 border-b border-slate-200 px-3">
            <SearchIcon />
            <input
              ref={input}
              type="text"
              role="combobox"
              aria-label={t("label")}
              aria-expanded={hasOptions}
              aria-controls={listboxId}
              aria-autocomplete="list"
              aria-activedescendant={active ? optionId(listboxId, active.key) : undefined}
              aria-describedby={statusId}
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
              maxLength={200}
              placeholder={t("placeholder")}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActiveKey(null);
              }}
              onKeyDown={onKeyDown}
              className="h-12 min-w-0 flex-1 bg-transparent text-base text-slate-900 placeholder:text-slate-500 focus:outline-none"
            />
            {state.status === "loading" && <Spinner />}
            <button type="button" onClick={close} className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900">
              {t("close")}
            </button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto p-2 sm:max-h-[60vh] sm:flex-none">
            <p id={statusId} role="status" className={hasOptions ? "sr-only" : "px-3 py-6 text-center text-sm text-slate-600"}>
              {status}
            </p>
            {results && hasOptions && (
              <SearchResultsList id={listboxId} results={results} activeKey={active?.key ?? null} busy={state.status === "loading"} onHover={setActiveKey} onOpen={close} />
            )}
            {hasOptions && more && <p className="px-3 pt-3 text-xs text-slate-600">{t("more")}</p>}
          </div>
          <p className="hidden border-t border-slate-200 px-3 py-2 text-xs text-slate-600 sm:block" aria-hidden>
            {t("keys")}
          </p>
        </div>
      </dialog>
    </>
  );
}

function SearchIcon() {
  return (
    <svg className="size-4 shrink-0 text-slate-500" viewBox="0 0 20 20" fill="currentColor" aria-hidden>
      <path fillRule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 3.4 9.83l3.63 3.64a.75.75 0 1 0 1.06-1.06l-3.63-3.64A5.5 5.5 0 0 0 9 3.5ZM5 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0Z" clipRule="evenodd" />
    </svg>
  );
}

function Spinner() {
  return <span className="size-4 shrink-0 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" aria-hidden />;
}
