import type { FieldOptions, FieldType } from "@/db/schema";
import { invalid } from "@/lib/errors";

export type Choice = { id: string; label: string };

export const hasChoices = (type: FieldType) => type === "select" || type === "multi_select";

/** A new choice with a stable id: card values store the id, so labels can change freely later. */
export const newChoice = (label: string): Choice => ({ id: crypto.randomUUID(), label });

/** Refuses two choices with the same label, whatever the case ("duplicate_choice"). */
export function assertDistinctLabels(choices: Choice[], field = "choices"): void {
  const seen = new Set<string>();
  for (const { label } of choices) {
    const key = label.toLocaleLowerCase();
    if (seen.has(key)) throw invalid("duplicate_choice", { [field]: "duplicate_choice" });
    seen.add(key);
  }
}

/** The options a field of this type keeps; everything else is dropped. */
export function optionsFor(type: FieldType, { choices, currency }: FieldOptions): FieldOptions {
  if (hasChoices(type)) return { choices: choices ?? [] };
  if (type === "money") return { currency: currency ?? "HUF" };
  return {};
}
