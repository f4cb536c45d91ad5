import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { deadlineState, type DeadlineState } from "@/lib/time/org-time";
import { useFormatDeadline } from "./format-deadline";

export const deadlineTone: Record<DeadlineState, string> = {
  overdue: "text-red-700",
  today: "font-semibold text-slate-900",
  later: "text-slate-600",
};

/**
 * A todo's deadline at `now` (in a client component, pass useOrgNow's to keep it live): overdue in red with an "Overdue"
 * mark (an icon and words, not colour alone), due later today in bold, a later day plain.
 */
export function DeadlineLabel({ deadline, now, timeZone, className }: { deadline: Date; now: Date; timeZone: string; className?: string }) {
  const t = useTranslations("cards.deadline");
  const formatDeadline = useFormatDeadline(timeZone);
  const state = deadlineState(deadline, now, timeZone);
  return (
    <span className={cn("inline-flex items-center gap-1 whitespace-nowrap tabular-nums", deadlineTone[state], className)} data-state={state}>
      {state === "overdue" && (
        <>
          <svg className="size-3.5 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden>
            <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.75 4h1.5v5h-1.5V6Zm0 6.5h1.5V14h-1.5v-1.5Z" />
          </svg>
          <span className="sr-only">{t("overdue")}: </span>
        </>
      )}
      {state === "today" && <span className="sr-only">{t("dueToday")}: </span>}
      <time dateTime={deadline.toISOString()}>{formatDeadline(deadline, now)}</time>
    </span>
  );
}
