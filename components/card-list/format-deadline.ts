import { dayBoundaries } from "@/lib/time/org-time";

type DateTimeOptions = { weekday?: "short"; month?: "short"; day?: "numeric"; year?: "numeric"; hour?: "numeric"; minute?: "2-digit"; timeZone?: string };
type Formatter = { dateTime(value: Date, options: DateTimeOptions): string };
type Translate = (key: "today" | "tomorrow" | "yesterday", values: { time: string }) => string;

/**
 * A deadline as people say it, on the organisation's clock: "Today 14:30", "Tomorrow 09:00",
 * "Yesterday 16:00", else "Tue, 12 May, 09:00" (with the year when it is not this year).
 * Works with next-intl's formatter on the server (getFormatter) and in the browser (useFormatter).
 */
export function formatDeadline(deadline: Date, now: Date, timeZone: string, format: Formatter, t: Translate): string {
  const time = format.dateTime(deadline, { hour: "numeric", minute: "2-digit", timeZone });
  const { today, tomorrow, dayAfter } = dayBoundaries(now, timeZone);
  const yesterday = dayBoundaries(new Date(today.getTime() - 1), timeZone).today;
  if (deadline >= today && deadline < tomorrow) return t("today", { time });
  if (deadline >= tomorrow && deadline < dayAfter) return t("tomorrow", { time });
  if (deadline >= yesterday && deadline < today) return t("yesterday", { time });
  const year = (d: Date) => format.dateTime(d, { year: "numeric", timeZone });
  return format.dateTime(deadline, {
    weekday: "short",
    month: "short",
    day: "numeric",
    year: year(deadline) === year(now) ? undefined : "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  });
}
