"use client";

import Link from "next/link";
import { LinkPendingHint } from "@/components/shell/navigation-feedback";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { NextTodoCell } from "@/components/card-list/next-todo-cell";
import { cn } from "@/components/ui/cn";
import type { BoardCardData, BoardStatus } from "./board-types";

/**
 * One card on the board: draggable with a mouse, and movable from the keyboard with its
 * "Move to" menu (a disclosure of buttons, one per other status; Escape closes it).
 */
export function BoardCard({
  card,
  statusId,
  statuses,
  serverNow,
  timeZone,
  focusMenu,
  dragging,
  onDragStart,
  onDragEnd,
  onMove,
}: {
  card: BoardCardData;
  statusId: string;
  statuses: BoardStatus[];
  serverNow: Date;
  timeZone: string;
  /** Just moved with the keyboard: take the focus back to this card's menu button. */
  focusMenu: boolean;
  dragging: boolean;
  onDragStart: () => void;
  onDragEnd: () => void;
  onMove: (to: string) => void;
}) {
  const t = useTranslations("cards");
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const firstItem = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusMenu) button.current?.focus();
  }, [focusMenu]);
  useEffect(() => {
    if (open) firstItem.current?.focus();
  }, [open]);

  const targets = statuses.filter((s) => s.id !== statusId);
  return (
    <li
      draggable
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", card.id);
        onDragStart();
      }}
      onDragEnd={onDragEnd}
      className={cn(
        "group relative cursor-grab rounded-md border border-slate-200 bg-white p-2.5 text-sm shadow-xs transition hover:border-slate-300 hover:shadow-sm active:cursor-grabbing",
        dragging && "opacity-40",
      )}
    >
      <div className="flex items-start gap-2">
        <Link href={`/cards/${card.id}`} className="relative min-w-0 flex-1 font-medium break-words text-slate-900 hover:text-brand-700 hover:underline" draggable={false}>
          {card.name}
          <LinkPendingHint className="inset-x-0 -bottom-0.5" />
        </Link>
        <div
          className="relative shrink-0"
          onKeyDown={(event) => {
            if (event.key === "Escape" && open) {
              event.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <button
            ref={button}
            type="button"
            aria-label={t("board.moveTo", { name: card.name })}
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
            className="grid size-6 place-items-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-700 aria-expanded:bg-slate-100 aria-expanded:text-slate-700"
          >
            <svg className="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden>
              <path d="M4 8.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Zm6 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Zm6 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Z" />
            </svg>
          </button>
          {open && (
            <ul
              className="absolute right-0 z-10 mt-1 w-52 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
              onBlur={(event) => {
                if (!event.currentTarget.parentElement?.contains(event.relatedTarget as Node | null)) setOpen(false);
              }}
            >
              {targets.map((s, i) => (
                <li key={s.id}>
                  <button
                    ref={i === 0 ? firstItem : undefined}
                    type="button"
                    onClick={() => {
                      setOpen(false);
                      onMove(s.id);
                    }}
                    className="flex w-full items-center gap-2 px-3 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-50 focus:bg-slate-50"
                  >
                    <span className="size-2 shrink-0 rounded-full" style={{ backgroundColor: s.color }} aria-hidden />
                    {s.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {card.contact && <p className="mt-0.5 truncate text-xs text-slate-500">{card.contact.name}</p>}
      {card.nextTodo && (
        <div className="mt-2 border-t border-slate-100 pt-2 text-xs">
          <NextTodoCell todo={card.nextTodo} now={serverNow} timeZone={timeZone} showAssignee={false} />
        </div>
      )}
      <p className="mt-2 truncate text-xs text-slate-500">{card.owner?.name ?? t("list.noOwner")}</p>
    </li>
  );
}
