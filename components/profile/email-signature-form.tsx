"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { updateProfileAction } from "@/app/(app)/profile/actions";
import { FormMessage, SubmitButton, useFormAction } from "@/components/ui/form";
import { Textarea } from "@/components/ui/input";
import { emailSignatureMaxLength } from "@/lib/profile/rules";
import { Field } from "./field";

/** The signature appended to every email the user sends, with a live preview of how it ends an email. */
export function EmailSignatureForm({ signature, senderName }: { signature: string; senderName: string }) {
  const t = useTranslations("profile.signature");
  const tc = useTranslations("common");
  const format = useFormatter();
  const previewId = useId();
  const [text, setText] = useState(signature);
  const { state, pending, onSubmit } = useFormAction(updateProfileAction);
  const length = text.replace(/\r\n?/g, "\n").length;

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field
        label={t("label")}
        name="emailSignature"
        state={state}
        hint={t("hint", { count: format.number(length), max: format.number(emailSignatureMaxLength) })}
      >
        {(control) => (
          <Textarea
            {...control}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={6}
            maxLength={emailSignatureMaxLength}
            placeholder={t("placeholder", { name: senderName })}
            className="font-mono"
          />
        )}
      </Field>
      <div>
        <h3 id={previewId} className="mb-1 text-sm font-medium text-slate-700">
          {t("preview")}
        </h3>
        <div aria-labelledby={previewId} role="group" className="rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-3 text-sm">
          <p className="text-slate-500 italic">{t("previewBody")}</p>
          <div className="mt-3 border-t border-slate-200 pt-3">
            {text.trim() ? (
              <p className="break-words whitespace-pre-wrap text-slate-800">{text.trimEnd()}</p>
            ) : (
              <p className="text-slate-500">{t("empty")}</p>
            )}
          </div>
        </div>
      </div>
      <FormMessage state={state} success={t("saved")} />
      <SubmitButton pending={pending} pendingLabel={tc("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
