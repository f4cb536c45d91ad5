"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { removeAvatarAction, setAvatarAction } from "@/app/(app)/profile/actions";
import { UserAvatar } from "@/components/shell/user-avatar";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormMessage, SubmitButton, fieldError, useFormAction, type FormState } from "@/components/ui/form";
import { avatarMaxBytes, avatarMimeTypes } from "@/lib/profile/rules";
import { Field } from "./field";

type Chosen = { url: string; name: string; error: string | null; broken: boolean };

/** A problem visible before uploading; the server checks the content again whatever the browser says. */
function checkInBrowser(file: File): string | null {
  if (file.size > avatarMaxBytes) return "avatar_too_large";
  if (file.type && !(avatarMimeTypes as readonly string[]).includes(file.type)) return "avatar_not_image";
  return null;
}

/** The current picture, uploading a new one (previewed before it is sent) and removing it. */
export function AvatarForm({ userId, name, version }: { userId: string; name: string; version: string | null }) {
  const t = useTranslations("profile.avatar");
  const formRef = useRef<HTMLFormElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  // Each preview URL is released when it is replaced or the form goes away.
  useEffect(() => (chosen ? () => URL.revokeObjectURL(chosen.url) : undefined), [chosen]);

  const upload = useFormAction(async (prev: FormState, form: FormData) => {
    // The server refuses a body over its limit before the action runs (413), which reaches here as a thrown
    // error, not a result: say what it means instead of leaving the form to the error page.
    const result = await setAvatarAction(prev, form).catch(() => {
      const file = form.get("file");
      const code = file instanceof File && file.size > avatarMaxBytes ? "avatar_too_large" : "unexpected";
      return { ok: false as const, error: code, fields: { file: code } };
    });
    if (result.ok) {
      formRef.current?.reset();
      setChosen(null);
    }
    return result;
  });
  const remove = useFormAction(removeAvatarAction);
  // A new choice hides the answer about the previous file.
  const [answered, setAnswered] = useState<FormState>(null);
  const uploadState = upload.state === answered ? null : upload.state;
  // The one field's own error is the alert; the banner is left for success and errors about no field.
  const fileError = chosen?.error ?? fieldError(uploadState, "file") ?? null;
  const choose = (file: File | undefined) => {
    setAnswered(upload.state);
    setChosen(file ? { url: URL.createObjectURL(file), name: file.name, error: checkInBrowser(file), broken: false } : null);
  };

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-6">
        <figure className="flex flex-col items-center gap-2">
          <UserAvatar userId={userId} name={name} hasAvatar={version !== null} version={version ?? undefined} size="lg" />
          <figcaption className="text-xs text-slate-500">{t("current")}</figcaption>
        </figure>
        {chosen && !chosen.error && !chosen.broken && (
          <figure className="flex flex-col items-center gap-2">
            {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL, not a served image */}
            <img
              src={chosen.url}
              alt={t("preview")}
              onError={() => setChosen((c) => (c ? { ...c, broken: true } : c))}
              className="size-20 rounded-full object-cover ring-2 ring-brand-500 ring-offset-2"
            />
            <figcaption className="text-xs text-slate-500">{t("previewCaption")}</figcaption>
          </figure>
        )}
        {version === null && !chosen && <p className="max-w-xs text-sm text-slate-600">{t("none")}</p>}
      </div>

      <form ref={formRef} onSubmit={upload.onSubmit} className="space-y-4" noValidate>
        <Field label={t("choose")} name="file" state={null} hint={t("hint", { size: avatarMaxBytes / 1024 / 1024 })} error={fileError}>
          {(control) => (
            // The native file button speaks the browser's language; this one speaks the user's.
            <div className="flex min-w-0 items-center gap-3">
              <input {...control} type="file" accept={avatarMimeTypes.join(",")} onChange={(e) => choose(e.target.files?.[0])} className="peer sr-only" />
              <label
                htmlFor={control.id}
                className={cn(buttonClass("secondary"), "shrink-0 cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500")}
              >
                {t("browse")}
              </label>
              <span className="truncate text-sm text-slate-600">{chosen?.name ?? t("noFile")}</span>
            </div>
          )}
        </Field>
        {(uploadState?.ok || !fileError) && <FormMessage state={uploadState} success={t("uploaded")} />}
        {/* Blocked while the file is known to be refused: a body over the server's limit would not even get an answer. */}
        <fieldset disabled={Boolean(chosen?.error)} className="contents">
          <SubmitButton pending={upload.pending} pendingLabel={t("uploading")}>
            {t("upload")}
          </SubmitButton>
        </fieldset>
      </form>

      {version !== null && (
        <form onSubmit={remove.onSubmit} className="border-t border-slate-100 pt-4">
          <SubmitButton variant="secondary" pending={remove.pending} pendingLabel={t("removing")}>
            {t("remove")}
          </SubmitButton>
        </form>
      )}
      {remove.state && (
        <FormMessage state={remove.state.ok && version !== null ? null : remove.state} success={t("removed")} />
      )}
    </div>
  );
}
