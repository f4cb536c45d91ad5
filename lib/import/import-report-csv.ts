import type { Ctx } from "@/lib/actions/safe-action";
import { csvLine } from "@/lib/csv/neutralise-cell";
import enImports from "@/messages/en/imports.json";
import huImports from "@/messages/hu/imports.json";
import { getImportRecordOrThrow } from "./get-import";
import { listImportRows } from "./list-import-rows";
import type { ImportReason } from "./types";

type Messages = { reasons?: Record<string, string>; report?: Record<string, string> };
const messages: Record<"hu" | "en", Messages> = { en: enImports as Messages, hu: huImports as Messages };

const headers = {
  en: ["Row", "Outcome", "Reason", "Name", "Card"],
  hu: ["Sor", "Eredmény", "Ok", "Név", "Adatlap"],
};
const outcomes = {
  en: { created: "created", updated: "updated", skipped: "skipped", bad: "bad row" },
  hu: { created: "létrehozva", updated: "frissítve", skipped: "kihagyva", bad: "hibás sor" },
};

/** A reason in words: its message under imports.reasons with {placeholders} filled, else its code. */
export function reasonText(reason: ImportReason | null, locale: "hu" | "en"): string {
  if (!reason) return "";
  const template = messages[locale].reasons?.[reason.code] ?? reason.code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (reason[key] === undefined || reason[key] === null ? "" : String(reason[key])));
}

/** The run's report as CSV (UTF-8 with BOM), streamed a page of rows at a time: row, outcome, reason, name, card. */
export async function* importReportCsv(ctx: Ctx, input: { importId: string; separator: "," | ";" }): AsyncGenerator<string> {
  const record = await getImportRecordOrThrow(ctx, input.importId);
  const separator = input.separator === ";" ? ";" : ",";
  const locale = ctx.actor.locale ?? "hu";
  yield "\ufeff" + csvLine(headers[locale], separator);
  let afterRow: number | undefined;
  for (;;) {
    const page = await listImportRows(ctx, { importId: record.id, afterRow, limit: 1000 });
    let chunk = "";
    for (const r of page.rows) chunk += csvLine([r.rowNumber, outcomes[locale][r.outcome], reasonText(r.reason, locale), r.name ?? "", r.cardId ?? ""], separator);
    if (chunk) yield chunk;
    if (page.nextAfterRow === null) return;
    afterRow = page.nextAfterRow;
  }
}
