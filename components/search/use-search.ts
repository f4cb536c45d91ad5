"use client";

import { useEffect, useState } from "react";
import type { SearchResults } from "@/lib/search/search-everything";

export type SearchState =
  | { status: "idle" }
  | { status: "loading"; results: SearchResults | null }
  | { status: "done"; results: SearchResults }
  | { status: "error" };

/** Mirrors searchMinLength in lib/search (not imported: that module is server code). */
export const minQueryLength = 2;
const debounceMs = 200;

type Answer = { q: string; results: SearchResults } | { q: string; error: true };

/**
 * The results for what is typed, fetched from /api/search once typing pauses; a newer query cancels
 * the request of an older one. While typing on (or deleting back), the last results stay on screen
 * until the next ones are there.
 */
export function useSearch(query: string): SearchState {
  const q = query.trim();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [previous, setPrevious] = useState<{ q: string; results: SearchResults } | null>(null);
  const wanted = q.length >= minQueryLength;

  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const results = (await response.json()) as SearchResults;
        if (controller.signal.aborted) return;
        setAnswer({ q, results });
        setPrevious({ q, results });
      } catch {
        if (!controller.signal.aborted) setAnswer({ q, error: true });
      }
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, wanted]);

  if (!wanted) return { status: "idle" };
  if (answer?.q !== q) {
    const related = previous && (q.startsWith(previous.q) || previous.q.startsWith(q));
    return { status: "loading", results: related ? previous.results : null };
  }
  return "error" in answer ? { status: "error" } : { status: "done", results: answer.results };
}
