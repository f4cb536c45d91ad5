"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { setGroupCalendarAction } from "@/app/(app)/settings/groups/actions";
import { Button } from "@/components/ui/button";
import { fieldError, FormMessage, useErrorMessage, useFormAction } from "@/components/ui/form";
import { Input, Label, Select } from "@/components/ui/input";
import { PendingButton } from "./pending-button";

const maxHolidays = 366;
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * A group's calendar for automation timing: its time zone (empty: the organisation's) and its days
 * off, added with a date field and removed one by one; saved together (lib/groups/set-group-calendar.ts).
 */
export function GroupCalendarForm({
  group,
  timeZones,
  organisationTimeZone,
}: {
  group: { id: string; name: string; timeZone: string | null; holidays: string[] };
  timeZones: string[];
  organisationTimeZone: string;
}) {
  const t = useTranslations("settings.groups");
  const format = useFormatter();
  const message = useErrorMessage();
  const id = useId();
  const form = useFormAction(setGroupCalendarAction);
  const [timeZone, setTimeZone] = useState(group.timeZone ?? "");
  const [holidays, setHolidays] = useState(group.holidays);
  const [day, setDay] = useState("");
  const [dayError, setDayError] = useState<string | null>(null);
  // A zone saved earlier that this runtime no longer lists stays choosable.
  const zones = group.timeZone && !timeZones.includes(group.timeZone) ? [group.timeZone, ...timeZones] : timeZones;
  const zoneError = fieldError(form.state, "timeZone");
  const listError = form.state && !form.state.ok ? Object.entries(form.state.fields ?? {}).find(([k]) => k.startsWith("holidays"))?.[1] : undefined;
  const dateLabel = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "full", timeZone: "UTC" });

  const add = () => {
    if (!isDay(day)) return setDayError("invalid_date");
    if (!holidays.includes(day) && holidays.length >= maxHolidays) return setDayError("too_many_holidays");
    setDayError(null);
    setHolidays((list) => [...new Set([...list, day])].sort());
    setDay("");
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        form.run({ groupId: group.id, timeZone, holidays });
      }}
      className="mt-3 space-y-4"
    >
      <p className="text-sm text-slate-600">{t("calendarHint")}</p>
      <div className="max-w-sm">
        <Label htmlFor={`${id}-zone`}>{t("timeZone")}</Label>
        <Select
          id={`${id}-zone`}
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          aria-invalid={zoneError ? true : undefined}
          aria-describedby={zoneError ? `${id}-zone-error` : undefined}
        >
          <option value="">{t("organisationTimeZone", { zone: organisationTimeZone })}</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </Select>
        {zoneError && (
          <p id={`${id}-zone-error`} className="mt-1 text-xs text-red-700">
            {message(zoneError)}
          </p>
        )}
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("holidaysLegend", { name: group.name })}</legend>
        {holidays.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">{t("noHolidays")}</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={t("holidaysLegend", { name: group.name })}>
            {holidays.map((d) => (
              <li key={d} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-xs text-slate-700">
                <time dateTime={d}>{dateLabel(d)}</time>
                <button
                  type="button"
                  className="rounded-full px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
                  aria-label={t("removeHoliday", { date: dateLabel(d) })}
                  onClick={() => setHolidays((list) => list.filter((x) => x !== d))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <div>
            <Label htmlFor={`${id}-day`}>{t("holidayDate")}</Label>
            <Input
              id={`${id}-day`}
              type="date"
              value={day}
              onChange={(e) => setDay(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  add();
                }
              }}
              aria-invalid={dayError ? true : undefined}
              aria-describedby={dayError ? `${id}-day-error` : undefined}
              className="w-auto"
            />
          </div>
          <Button variant="secondary" onClick={add}>
            {t("addHoliday")}
          </Button>
        </div>
        {(dayError || listError) && (
          <p id={`${id}-day-error`} className="mt-1 text-xs text-red-700">
            {message((dayError ?? listError)!)}
          </p>
        )}
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <PendingButton size="sm" pending={form.pending}>
          {t("saveCalendar")}
        </PendingButton>
        <p className="text-xs text-slate-500">{t("holidayCount", { count: holidays.length, max: maxHolidays })}</p>
      </div>
      <FormMessage state={form.state} success={t("calendarSaved", { name: group.name })} />
    </form>
  );
}
