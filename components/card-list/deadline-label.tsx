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
          <span className="icon icon-overdue size-3.5" aria-hidden />
          <span className="sr-only">{t("overdue")}: </span>
        </>
      )}
      {state === "today" && <span className="sr-only">{t("dueToday")}: </span>}
      <time dateTime={deadline.toISOString()}>{formatDeadline(deadline, now)}</time>
    </span>
  );
}
