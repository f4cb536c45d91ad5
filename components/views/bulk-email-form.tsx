"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { previewBulkRunAction, startBulkRunAction } from "@/app/(app)/modules/[moduleId]/automations/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useErrorMessage, useFormAction } from "@/components/ui/form";
import { Label, Select } from "@/components/ui/input";
import type { BulkRecipientRule } from "@/db/schema/email";
import type { BulkPreview } from "@/lib/bulk-email/preview-bulk-run";

/** db/schema/email.ts bulkRecipientRules, without pulling the schema into the browser bundle. */
const bulkRecipientRules: readonly BulkRecipientRule[] = ["main_person", "all_persons", "company"];

type Props = { moduleId: string; viewId: string; templates: { id: string; name: string; category: string }[] };

/**
 * The bulk email form of a view: a template and a recipient rule, then a preview from the server —
 * the recipient count, who is skipped and why, three samples rendered against real cards (each in a
 * sandboxed frame) with their empty variables named — and only then "Send". Changing a choice drops
 * the preview, so what is sent is what was previewed.
 */
export function BulkEmailForm({ moduleId, viewId, templates }: Props) {
  const t = useTranslations("bulk-email.compose");
  const message = useErrorMessage();
  const router = useRouter();
  const id = useId();
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? "");
  const [rule, setRule] = useState<BulkRecipientRule>("main_person");
  const preview = useFormAction(previewBulkRunAction);
  const start = useFormAction(startBulkRunAction);
  const [shown, setShown] = useState<string | null>(null);
  const choice = `${templateId}|${rule}`;
  const input = { moduleId, viewId, templateId, recipientRule: rule };
  const data: BulkPreview | null = preview.state?.ok && shown === choice ? preview.state.data : null;

  useEffect(() => {
    if (start.state?.ok) router.push(`/modules/${moduleId}/automations?run=${start.state.data.runId}`);
  }, [start.state, moduleId, router]);

  const error = (!preview.state?.ok && preview.state?.error) || (!start.state?.ok && start.state?.error) || null;

  return (
    <div className="space-y-6">
      <Card className="space-y-5 p-6">
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-template`}>{t("template")}</Label>
          <Select id={`${id}-template`} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.category ? `${tpl.category} · ${tpl.name}` : tpl.name}
              </option>
            ))}
          </Select>
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("recipients")}</legend>
          {bulkRecipientRules.map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="radio" name={`${id}-rule`} value={r} checked={rule === r} onChange={() => setRule(r)} className="size-4" />
              {t(`rule_${r}`)}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant={data ? "secondary" : "primary"}
            disabled={preview.pending || !templateId}
            onClick={() => {
              setShown(choice);
              preview.run(input);
            }}
          >
            {preview.pending ? t("previewing") : t("preview")}
          </Button>
          {preview.state?.ok && shown !== choice && <p className="text-sm text-amber-800">{t("changed")}</p>}
        </div>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {message(error)}
          </p>
        )}
      </Card>

      {data && (
        <section aria-labelledby={`${id}-preview`} className="space-y-4">
          <h2 id={`${id}-preview`} className="text-lg font-semibold text-slate-900">
            {t("previewTitle")}
          </h2>
          <Card className="space-y-3 p-6">
            <p className="text-base font-medium text-slate-900" data-testid="bulk-summary">
              {t("summary", { recipients: data.recipients, cards: data.cards })}
            </p>
            {Object.values(data.skipped).some((n) => n > 0) && (
              <div className="text-sm text-slate-700">
                <p className="font-medium">{t("skippedTitle", { count: Object.values(data.skipped).reduce((a, b) => a + b, 0) })}</p>
                <ul className="mt-1 list-disc space-y-0.5 pl-5">
                  {(Object.entries(data.skipped) as [keyof BulkPreview["skipped"], number][])
                    .filter(([, n]) => n > 0)
                    .map(([reason, n]) => (
                      <li key={reason}>
                        {t(`reason_${reason}`)}: {n}
                      </li>
                    ))}
                </ul>
                <details className="mt-2">
                  <summary className="cursor-pointer text-slate-600">{t("skippedWho")}</summary>
                  <ul className="mt-1 space-y-0.5 pl-5">
                    {data.skippedExamples.map((s, i) => (
                      <li key={`${s.cardId}-${i}`}>{t("skippedExample", { card: s.cardName, reason: t(`reason_${s.reason}`) })}</li>
                    ))}
                  </ul>
                </details>
              </div>
            )}
            {data.withEmptyVariables > 0 && (
              <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {t("emptyCount", { count: data.withEmptyVariables })}
              </p>
            )}
          </Card>
          <div className="grid gap-4 lg:grid-cols-3">
            {data.samples.map((s, i) => (
              <Card key={`${s.cardId}-${s.to}`} className="flex min-w-0 flex-col gap-2 p-4">
                <h3 className="text-sm font-semibold break-words text-slate-900">{t("sample", { n: i + 1, to: s.toName ? `${s.toName} <${s.to}>` : s.to })}</h3>
                <p className="text-sm break-words text-slate-700">{s.subject}</p>
                {s.emptyVariables.length > 0 ? (
                  <p className="rounded-md bg-amber-50 px-2 py-1 text-xs break-words text-amber-900">{t("emptyVariables", { variables: s.emptyVariables.join(", ") })}</p>
                ) : (
                  <p className="text-xs text-slate-500">{t("noEmpty")}</p>
                )}
                <iframe sandbox="" srcDoc={s.html} title={t("sampleFrame", { to: s.to })} className="h-72 w-full rounded border border-slate-200 bg-white" />
              </Card>
            ))}
          </div>
          <div className="flex flex-wrap gap-3">
            <Button disabled={start.pending || data.recipients === 0} onClick={() => start.run(input)}>
              {start.pending ? t("sending") : t("send", { count: data.recipients })}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
