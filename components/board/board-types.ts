import type { CardListRow } from "@/lib/cards/list-cards";

export type BoardStatus = { id: string; name: string; color: string };
export type BoardCardData = Pick<CardListRow, "id" | "name" | "version" | "owner" | "contact" | "nextTodo">;
export type BoardColumnData = { status: BoardStatus; count: number; countCapped?: boolean; cards: BoardCardData[]; listHref: string };
export type CardMove = { cardId: string; from: string; to: string };

/** The columns after moving one card: out of its column, onto the top of the target, counts adjusted. */
export function applyMove(columns: BoardColumnData[], move: CardMove): BoardColumnData[] {
  const card = columns.find((c) => c.status.id === move.from)?.cards.find((c) => c.id === move.cardId);
  if (!card || move.from === move.to) return columns;
  return columns.map((column) => {
    if (column.status.id === move.from) return { ...column, count: column.count - 1, cards: column.cards.filter((c) => c.id !== move.cardId) };
    if (column.status.id === move.to) return { ...column, count: column.count + 1, cards: [card, ...column.cards] };
    return column;
  });
}
