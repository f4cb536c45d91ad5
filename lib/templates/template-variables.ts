import { variableCatalogue, type VariableChoice, type VariableField } from "@/lib/email/variables";

/** Today + N days offered in the picker besides the catalogue's "+7" (any 1 … 3650 may be typed). */
const extraDateOffsets = [1, 14, 30];

/** What the variable picker offers for a module: the catalogue (live fields only) and a few "today + N days". */
export function pickerVariables(fields: VariableField[]): VariableChoice[] {
  const choices = variableCatalogue(fields);
  const at = choices.findIndex((c) => c.key === "date.today+7");
  const extra = extraDateOffsets.map((n): VariableChoice => ({ key: `date.today+${n}`, group: "date", label: "date.today+N" }));
  choices.splice(at + 1, 0, ...extra);
  return choices.sort((a, b) => (a.group === "date" && b.group === "date" ? dateOrder(a.key) - dateOrder(b.key) : 0));
}

const dateOrder = (key: string) => (key === "date.today" ? 0 : Number(key.split("+")[1]));
