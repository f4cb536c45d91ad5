import { useLocale, useTranslations } from "next-intl";
import { dayBoundaries } from "@/lib/time/org-time";

type Style = "time" | "year" | "date" | "dateWithYear";
const styles: Record<Style, Intl.DateTimeFormatOptions> = {
  time: { hour: "numeric", minute: "2-digit" },
  year: { year: "numeric" },
  date: { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" },
  dateWithYear: { weekday: "short", month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" },
};

// Creating an Intl.DateTimeFormat costs far more than using one, and a list formats hundreds of deadlines.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, style: Style): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat(locale, { ...styles[style], timeZone })));
  return found;
}

type Words = (key: "today" | "tomorrow" | "yesterday", values: { time: string }) => string;

/**
 * A deadline as people say it, on the organisation's clock: "Today 14:30", "Tomorrow 09:00",
 * "Yesterday 16:00", else "Tue, 12 May, 09:00" (with the year when it is not this year).
 */
export function formatDeadline(deadline: Date, now: Date, { locale, timeZone, words }: { locale: string; timeZone: string; words: Words }): string {
  const time = formatter(locale, timeZone, "time").format(deadline);
  const { yesterday, today, tomorrow, dayAfter } = dayBoundaries(now, timeZone);
  if (deadline >= today && deadline < tomorrow) return words("today", { time });
  if (deadline >= tomorrow && deadline < dayAfter) return words("tomorrow", { time });
  if (deadline >= yesterday && deadline < today) return words("yesterday", { time });
  const year = formatter(locale, timeZone, "year");
  const sameYear = year.format(deadline) === year.format(now);
  return formatter(locale, timeZone, sameYear ? "date" : "dateWithYear").format(deadline);
}

/** formatDeadline with this render's language; works in server and client components alike. */
export function useFormatDeadline(timeZone: string): (deadline: Date, now: Date) => string {
  const locale = useLocale();
  const t = useTranslations("cards.deadline");
  return (deadline, now) => formatDeadline(deadline, now, { locale, timeZone, words: (key, values) => t(key, values) });
}
