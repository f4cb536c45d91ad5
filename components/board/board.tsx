"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useOptimistic, useState, useTransition } from "react";
import { moveCardAction } from "@/app/(app)/modules/[moduleId]/actions";
import { cn } from "@/components/ui/cn";
import { useErrorMessage } from "@/components/ui/form";
import { BoardCard } from "./board-card";
import { applyMove, type BoardColumnData, type BoardStatus, type CardMove } from "./board-types";

/**
 * The module's cards as columns by status. Moving a card (drag and drop, or its "Move to" menu)
 * shows at once, is saved with the card's version, and rolls back with the reason if refused —
 * a stale version says someone else changed the card, and the board reloads.
 */
export function Board({ columns, moduleName, serverNow, timeZone }: { columns: BoardColumnData[]; moduleName: string; serverNow: Date; timeZone: string }) {
  const t = useTranslations("cards.board");
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const [shown, showMove] = useOptimistic(columns, applyMove);
  const [, startTransition] = useTransition();
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [focusCardId, setFocusCardId] = useState<string | null>(null);
  const [dragOver, setDragOver] = useState<string | null>(null);
  const [dragged, setDragged] = useState<{ cardId: string; from: string } | null>(null);
  const statuses: BoardStatus[] = columns.map((c) => c.status);

  function move(change: CardMove, viaKeyboard: boolean) {
    const card = shown.find((c) => c.status.id === change.from)?.cards.find((c) => c.id === change.cardId);
    const target = statuses.find((s) => s.id === change.to);
    if (!card || !target || change.from === change.to) return;
    setError(null);
    setFocusCardId(viaKeyboard ? card.id : null);
    startTransition(async () => {
      showMove(change);
      const result = await moveCardAction(null, { cardId: card.id, version: card.version, statusId: change.to });
      if (result.ok) {
        setAnnouncement(t("moved", { name: card.name, status: target.name }));
        return;
      }
      const reason = errorMessage(result.error);
      setError(t("moveFailed", { name: card.name, reason }));
      setAnnouncement("");
      if (result.error === "card_stale" || result.error === "card_not_found") router.refresh();
    });
  }

  return (
    <div>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {error && (
        <div role="alert" className="mb-3 flex items-start justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <span>{error}</span>
          <button type="button" onClick={() => setError(null)} className="shrink-0 text-red-700 underline-offset-2 hover:underline">
            ×<span className="sr-only">{t("dismiss")}</span>
          </button>
        </div>
      )}
      <p className="mb-3 text-xs text-slate-500">{t("dragHint")}</p>
      <div role="region" aria-label={t("caption", { module: moduleName })} className="relative -mx-4 flex gap-3 overflow-x-auto px-4 pb-4">
        {shown.map((column) => {
          const headingId = `board-col-${column.status.id}`;
          const isTarget = dragOver === column.status.id && dragged !== null && dragged.from !== column.status.id;
          return (
            <section
              key={column.status.id}
              aria-labelledby={headingId}
              onDragOver={(event) => {
                if (!dragged) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = "move";
                if (dragOver !== column.status.id) setDragOver(column.status.id);
              }}
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragOver(null);
              }}
              onDrop={(event) => {
                event.preventDefault();
                setDragOver(null);
                setDragged(null);
                if (dragged) move({ cardId: dragged.cardId, from: dragged.from, to: column.status.id }, false);
              }}
              className={cn(
                "flex max-h-[calc(100vh-15rem)] w-72 shrink-0 flex-col rounded-lg border bg-slate-100/70 transition-colors",
                isTarget ? "border-brand-500 bg-brand-50 ring-2 ring-brand-500/20" : "border-slate-200",
              )}
            >
              <h2 id={headingId} className="flex items-center gap-2 px-3 pt-3 pb-2 text-sm font-semibold text-slate-800">
                <span className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: column.status.color }} aria-hidden />
                <span className="min-w-0 flex-1 truncate">{column.status.name}</span>
                <span className="rounded-full bg-white px-2 text-xs font-medium text-slate-500 tabular-nums ring-1 ring-slate-200">
                  <span className="sr-only">: </span>
                  {column.count}
                  {column.countCapped && "+"}
                </span>
              </h2>
              <ul className="flex min-h-16 flex-col gap-2 overflow-y-auto px-2 pb-2" aria-label={t("column", { status: column.status.name, count: column.count })}>
                {column.cards.map((card) => (
                  <BoardCard
                    key={card.id}
                    card={card}
                    statusId={column.status.id}
                    statuses={statuses}
                    serverNow={serverNow}
                    timeZone={timeZone}
                    focusMenu={focusCardId === card.id}
                    dragging={dragged?.cardId === card.id}
                    onDragStart={() => setDragged({ cardId: card.id, from: column.status.id })}
                    onDragEnd={() => {
                      setDragged(null);
                      setDragOver(null);
                    }}
                    onMove={(to) => move({ cardId: card.id, from: column.status.id, to }, true)}
                  />
                ))}
                {column.cards.length === 0 && (
                  <li className="rounded-md border border-dashed border-slate-300 px-3 py-6 text-center text-xs text-slate-600">
                    {isTarget ? t("dropHere", { status: column.status.name }) : t("empty")}
                  </li>
                )}
              </ul>
              {column.count > column.cards.length && (
                <Link href={column.listHref} className="border-t border-slate-200 px-3 py-2 text-xs font-medium text-brand-700 hover:underline">
                  {t("showAll", { count: column.count })}
                </Link>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
