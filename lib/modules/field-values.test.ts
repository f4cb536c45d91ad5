import { describe, expect, it } from "vitest";
import { validateFieldValues } from "./field-values";

const dateField = { id: "closing", type: "date" as const, options: {}, required: false, archivedAt: null };

describe("date field values", () => {
  it.each(["0000-01-01", "1999-12-31", "2101-01-01", "9999-12-31"])("refuses %s as out of range", (date) => {
    expect(() => validateFieldValues([dateField], { closing: date }, { partial: true })).toThrow(
      expect.objectContaining({ code: "invalid_input", fields: { "values.closing": "date_out_of_range" } }),
    );
  });

  it("accepts the range's first and last day, and still refuses a non-date", () => {
    expect(validateFieldValues([dateField], { closing: "2000-01-01" }, { partial: true })).toEqual({ closing: "2000-01-01" });
    expect(validateFieldValues([dateField], { closing: "2100-12-31" }, { partial: true })).toEqual({ closing: "2100-12-31" });
    expect(() => validateFieldValues([dateField], { closing: "2026-02-30" }, { partial: true })).toThrow(
      expect.objectContaining({ fields: { "values.closing": "invalid_date" } }),
    );
  });
});
