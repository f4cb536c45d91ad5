import { z } from "zod";

/** The calendar dates the app accepts anywhere a user types one (deadlines, date fields). */
export const earliestDate = "2000-01-01";
export const latestDate = "2100-12-31";

/**
 * A calendar date "YYYY-MM-DD" between earliestDate and latestDate: year 0000 or 9999 is a typo,
 * not a plan, and would sort first (or last) in everyone's lists. ISO dates compare as strings.
 */
export const saneDateSchema = z.iso
  .date("invalid_date")
  .refine((d) => d >= earliestDate && d <= latestDate, "date_out_of_range");
