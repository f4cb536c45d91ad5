"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { emailComposeOptionsAction, previewCardEmailAction, sendCardEmailAction } from "@/app/(app)/cards/[cardId]/email/actions";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { ComposeOptions } from "@/lib/email/compose-options";
import type { CardEmailPreview } from "@/lib/email/preview-card-email";
import { EmailBodyEditor } from "./email-body-editor";
import { EmptyVariablesWarning } from "./empty-variables-warning";
import { useVariableLabel } from "@/components/templates/use-variable-label";

type Failure = Extract<ActionResult, { ok: false }>;

/** An error code in the user's language, with the variable it names where there is one. */
function useFailureMessage() {
  const t = useTranslations("errors");
  return (failure: Failure) => {
    const variable = typeof failure.details?.variable === "string" ? failure.details.variable : "";
    if (failure.error.startsWith("template_variable_")) return t(failure.error, { variable });
    const code = failure.fields && Object.values(failure.fields)[0] && t.has(Object.values(failure.fields)[0]) ? Object.values(failure.fields)[0] : failure.error;
    return t.has(code) ? t(code) : t("unexpected");
  };
}

/**
 * Email from a card (SPEC §3): to one of the card's addresses, from a template of the module or
 * written freely; subject and body editable; a preview rendered for this card and recipient with
 * its empty variables named; sending with empty variables takes "Send anyway" (checked by the server too).
 */
export function ComposeEmailDialog({ cardId, cardName, to, onClose, onSent }: { cardId: string; cardName: string; to: string; onClose: () => void; onSent: (to: string) => void }) {
  const t = useTranslations("email.compose");
  const failureMessage = useFailureMessage();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), to: useId(), template: useId(), subject: useId(), body: useId(), bodyLabel: useId() };
  const [options, setOptions] = useState<ComposeOptions | null>(null);
  const [loadError, setLoadError] = useState<Failure | null>(null);
  const [recipient, setRecipient] = useState(to);
  const [templateId, setTemplateId] = useState("");
  const [subject, setSubject] = useState("");
  const [bodyHtml, setBodyHtml] = useState("");
  const [preview, setPreview] = useState<CardEmailPreview | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();
  const label = useVariableLabel(options?.variables ?? []);

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    emailComposeOptionsAction(null, { cardId }).then((result) => {
      if (!live) return;
      if (result.ok) setOptions(result.data);
      else setLoadError(result);
    });
    return () => {
      live = false;
    };
  }, [cardId]);

  const edited = () => {
    setPreview(null);
    setFailure(null);
  };
  const chooseTemplate = (id: string) => {
    setTemplateId(id);
    const template = options?.templates.find((tpl) => tpl.id === id);
    if (template) {
      setSubject(template.subject);
      setBodyHtml(template.bodyHtml);
    }
    edited();
  };
  const input = () => ({ cardId, to: recipient, templateId: templateId || null, subject, bodyHtml });

  const showPreview = () =>
    startTransition(async () => {
      setFailure(null);
      const result = await previewCardEmailAction(null, input());
      if (result.ok) setPreview(result.data);
      else setFailure(result);
    });
  const send = (confirmEmpty: boolean) =>
    startTransition(async () => {
      setFailure(null);
      const result = await sendCardEmailAction(null, { ...input(), confirmEmpty });
      if (!result.ok) return setFailure(result);
      dialog.current?.close();
      onSent(recipient);
    });

  const emptyRefusal = failure?.error === "email_empty_variables" && Array.isArray(failure.details?.variables) ? (failure.details.variables as string[]) : null;
  const fieldError = (name: string) => (failure?.fields?.[name] ? failure : null);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={ids.title}
      onClose={onClose}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-1rem)] max-w-3xl overflow-y-auto rounded-lg bg-white p-4 text-left shadow-xl backdrop:bg-slate-900/40 sm:p-6"
    >
      <h2 id={ids.title} className="text-lg font-semibold text-slate-900">
        {t("title", { card: cardName })}
      </h2>
      {loadError ? (
        <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {failureMessage(loadError)}
        </p>
      ) : !options ? (
        <p role="status" aria-busy="true" className="mt-4 text-sm text-slate-500">
          {t("loading")}
        </p>
      ) : (
        <form
          className="mt-4 space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            send(false);
          }}
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <Label htmlFor={ids.to}>{t("to")}</Label>
              <Select
                id={ids.to}
                value={recipient}
                onChange={(e) => {
                  setRecipient(e.target.value);
                  edited();
                }}
                aria-invalid={fieldError("to") ? true : undefined}
              >
                {options.recipients.map((r) => (
                  <option key={`${r.contactId}-${r.address}`} value={r.address}>
                    {t("recipientOption", { name: r.name, address: r.address })}
                  </option>
                ))}
              </Select>
            </div>
            <div>
              <Label htmlFor={ids.template}>{t("template")}</Label>
              <Select id={ids.template} value={templateId} onChange={(e) => chooseTemplate(e.target.value)}>
                <option value="">{t("freeText")}</option>
                {options.templates.map((tpl) => (
                  <option key={tpl.id} value={tpl.id}>
                    {tpl.category ? `${tpl.category} · ${tpl.name}` : tpl.name}
                  </option>
                ))}
              </Select>
              {options.templates.length === 0 && <p className="mt-1 text-xs text-slate-500">{t("noTemplates")}</p>}
            </div>
          </div>
          <div>
            <Label htmlFor={ids.subject}>{t("subject")}</Label>
            <Input
              id={ids.subject}
              value={subject}
              maxLength={200}
              required
              onChange={(e) => {
                setSubject(e.target.value);
                edited();
              }}
              aria-invalid={fieldError("subject") ? true : undefined}
            />
          </div>
          <div>
            <Label id={ids.bodyLabel} htmlFor={ids.body}>
              {t("body")}
            </Label>
            <EmailBodyEditor
              id={ids.body}
              labelledBy={ids.bodyLabel}
              labelFor={label}
              value={bodyHtml}
              invalid={Boolean(fieldError("bodyHtml"))}
              onChange={(html) => {
                setBodyHtml(html);
                edited();
              }}
            />
            <p className="mt-1 text-xs text-slate-500">{t("signatureHint")}</p>
          </div>

          {failure && !emptyRefusal && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {failureMessage(failure)}
            </p>
          )}
          {emptyRefusal && (
            <EmptyVariablesWarning variables={emptyRefusal} label={label} cardName={cardName} role="alert">
              <p className="mt-2">{t("sendAnywayHint")}</p>
              <Button type="button" variant="primary" size="sm" className="mt-2" disabled={pending} onClick={() => send(true)}>
                {t("sendAnyway")}
              </Button>
            </EmptyVariablesWarning>
          )}

          {preview && (
            <section aria-label={t("previewHeading")} className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-900">{t("previewHeading")}</h3>
              {preview.emptyVariables.length > 0 && !emptyRefusal && <EmptyVariablesWarning variables={preview.emptyVariables} label={label} cardName={cardName} />}
              <p className="text-sm text-slate-700">
                <span className="text-slate-500">{t("subject")}:</span> {preview.subject}
              </p>
              <iframe title={t("previewFrame")} sandbox="" srcDoc={preview.html} className="h-72 w-full rounded-md border border-slate-200 bg-white" />
            </section>
          )}

          <div className="flex flex-wrap justify-end gap-2 border-t border-slate-100 pt-4">
            <Button type="button" variant="ghost" onClick={() => dialog.current?.close()}>
              {t("cancel")}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={showPreview}>
              {t("preview")}
            </Button>
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? t("working") : t("send")}
            </Button>
          </div>
        </form>
      )}
      {(loadError || !options) && (
        <div className="mt-4 flex justify-end">
          <Button type="button" variant="ghost" onClick={() => dialog.current?.close()}>
            {t("cancel")}
          </Button>
        </div>
      )}
    </dialog>
  );
}
