"use client";

import { useTranslations } from "next-intl";
import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Button, type ButtonVariant } from "./button";
import { Input, Label } from "./input";

export type FormState = ActionResult<unknown> | null;

/** Turns an error code from the server into the user's language. */
export function useErrorMessage(): (code: string) => string {
  const t = useTranslations("errors");
  return (code) => {
    const throttled = /^throttled-(\d+)$/.exec(code);
    if (throttled) return t("throttled", { seconds: Number(throttled[1]) });
    return t.has(code) ? t(code) : t("unexpected");
  };
}

export function FormMessage({ state, success }: { state: FormState; success?: string }) {
  const message = useErrorMessage();
  if (!state) return null;
  if (state.ok) {
    return success ? (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        {success}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {message(state.error)}
    </p>
  );
}

export function fieldError(state: FormState, name: string): string | undefined {
  return state && !state.ok ? state.fields?.[name] : undefined;
}

export function TextField({
  label,
  name,
  state,
  hint,
  ...props
}: { label: string; name: string; state: FormState; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const message = useErrorMessage();
  const error = fieldError(state, name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...props} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {message(error)}
        </p>
      )}
    </div>
  );
}

export function SubmitButton({ children, variant, pendingLabel }: { children: ReactNode; variant?: ButtonVariant; pendingLabel?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-busy={pending}>
      {pending && <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />}
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
