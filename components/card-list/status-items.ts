import type { StatusCounts } from "@/lib/cards/status-counts";

export type SidebarStatus = { id: string; name: string; color: string; archived: boolean };

/** One choice of the status filter ("All" has no id), with how many cards the other filters leave in it. */
export type StatusFilterItem = { id: string | null; name: string; color: string | null; count: number; capped: boolean };

/**
 * The status filter's choices, top to bottom as the pipeline runs: "All", then every status (an archived
 * one only while it still holds cards or is the chosen one). Shared by the sidebar and the phone's select.
 */
export function statusFilterItems(
  statuses: SidebarStatus[],
  counts: StatusCounts,
  current: string | null,
  labels: { all: string; archived: (name: string) => string },
): StatusFilterItem[] {
  return [
    { id: null, name: labels.all, color: null, count: counts.total, capped: counts.capped.length > 0 },
    ...statuses
      .filter((s) => !s.archived || (counts.byStatus[s.id] ?? 0) > 0 || s.id === current)
      .map((s) => ({
        id: s.id,
        name: s.archived ? labels.archived(s.name) : s.name,
        color: s.color,
        count: counts.byStatus[s.id] ?? 0,
        capped: counts.capped.includes(s.id),
      })),
  ];
}
