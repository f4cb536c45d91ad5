"use client";

import { useFormAction } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/actions/safe-action";

export type Direction = "up" | "down";

type Item = { id: string; name: string };
type Action = (prev: ActionResult<unknown> | null, input: FormData | Record<string, unknown>) => Promise<ActionResult<unknown>>;

/**
 * Up/down reordering of a list, sent to the server as the full new order. After the list comes back
 * reordered, the focus returns to the button that was pressed (or its twin at either end) and a
 * polite announcement says where the item went, so keyboard and screen-reader users keep their place.
 */
export function useReorder(items: Item[], action: Action, toInput: (ids: string[]) => Record<string, unknown>) {
  const t = useTranslations("modules.reorder");
  const { state, pending, run } = useFormAction(action);
  const moved = useRef<{ id: string; direction: Direction } | null>(null);
  const [lastMoved, setLastMoved] = useState<string | null>(null);
  const order = items.map((i) => i.id).join(",");
  const lastIndex = items.findIndex((i) => i.id === lastMoved);
  const announcement =
    lastIndex >= 0 && !pending ? t("moved", { name: items[lastIndex].name, position: lastIndex + 1, count: items.length }) : "";

  useEffect(() => {
    const last = moved.current;
    if (!last) return;
    const index = items.findIndex((i) => i.id === last.id);
    if (index < 0) return;
    moved.current = null;
    const atEnd = last.direction === "up" ? index === 0 : index === items.length - 1;
    const direction = atEnd ? (last.direction === "up" ? "down" : "up") : last.direction;
    document.querySelector<HTMLButtonElement>(`[data-reorder="${last.id}-${direction}"]`)?.focus();
    // Runs when the order from the server changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [order]);

  const move = (index: number, direction: Direction) => {
    const target = direction === "up" ? index - 1 : index + 1;
    if (pending || target < 0 || target >= items.length) return;
    const ids = items.map((i) => i.id);
    [ids[index], ids[target]] = [ids[target], ids[index]];
    moved.current = { id: items[index].id, direction };
    setLastMoved(items[index].id);
    run(toInput(ids));
  };

  return { move, pending, state, announcement };
}

export function ReorderButtons({
  id,
  name,
  index,
  count,
  pending,
  onMove,
}: {
  id: string;
  name: string;
  index: number;
  count: number;
  pending: boolean;
  onMove: (index: number, direction: Direction) => void;
}) {
  const t = useTranslations("modules.reorder");
  const button = (direction: Direction, disabled: boolean) => (
    <button
      type="button"
      data-reorder={`${id}-${direction}`}
      aria-label={t(direction === "up" ? "up" : "down", { name })}
      title={t(direction === "up" ? "up" : "down", { name })}
      disabled={disabled}
      aria-disabled={pending || undefined}
      onClick={() => onMove(index, direction)}
      className={cn(
        "grid size-8 place-items-center rounded-md border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40",
        pending && "cursor-wait",
      )}
    >
      <svg className={cn("size-4", direction === "down" && "rotate-180")} viewBox="0 0 20 20" fill="currentColor" aria-hidden>
        <path fillRule="evenodd" d="M10 4.5a.75.75 0 0 1 .53.22l4.5 4.5a.75.75 0 1 1-1.06 1.06L10.75 7.06V15a.75.75 0 0 1-1.5 0V7.06l-3.22 3.22a.75.75 0 0 1-1.06-1.06l4.5-4.5A.75.75 0 0 1 10 4.5Z" clipRule="evenodd" />
      </svg>
    </button>
  );
  return (
    <div className="flex gap-1">
      {button("up", index === 0)}
      {button("down", index === count - 1)}
    </div>
  );
}

/** The polite announcement of the last move, for screen readers. */
export function ReorderAnnouncement({ text }: { text: string }) {
  return (
    <p role="status" aria-live="polite" className="sr-only">
      {text}
    </p>
  );
}
