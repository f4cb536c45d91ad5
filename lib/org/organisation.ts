import { cache } from "react";
import { z } from "zod";
import type { Db } from "@/db/client";
import { organisation } from "@/db/schema";

export type Organisation = typeof organisation.$inferSelect;
export const locales = ["hu", "en"] as const;
export type Locale = (typeof locales)[number];

/** The organisation's one row; read once per request however many parts of a page ask (React's cache). */
export const getOrganisation = cache(async (db: Db): Promise<Organisation | null> => {
  const [org] = await db.select().from(organisation).limit(1);
  return org ?? null;
});

export const timeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "invalid_time_zone");
