"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useId, useRef, type FormEvent, type InputHTMLAttributes, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Button, type ButtonVariant } from "./button";
import { Input, Label } from "./input";
import { useHydrated } from "./use-hydrated";

export type FormState = ActionResult<unknown> | null;

/**
 * A server action bound to a form (`onSubmit`, `formRef`) or run from a button (`run(input)`). Unlike
 * `<form action>`, a refused submit keeps what the user typed (React resets uncontrolled forms after an
 * action), so bad input loses nothing; `resetOnSuccess` clears a "create" form once the server accepted it.
 */
export function useFormAction<T, I = FormData | Record<string, unknown>>(
  serverAction: (prev: ActionResult<T> | null, input: I) => Promise<ActionResult<T>>,
  { resetOnSuccess = false } = {},
) {
  const [state, dispatch, pending] = useActionState(serverAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state?.ok) formRef.current?.reset();
  }, [state, resetOnSuccess]);
  const run = (input: I) => startTransition(() => dispatch(input));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run(new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter) as I);
  };
  return { state, pending, onSubmit, run, formRef };
}

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
  // When the fields say what is wrong, the banner only points at them instead of repeating it.
  const code = state.fields && Object.keys(state.fields).length > 0 ? "invalid_input" : state.error;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {message(code)}
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

export function SubmitButton({
  children,
  variant,
  pendingLabel,
  pending: pendingProp,
}: {
  children: ReactNode;
  variant?: ButtonVariant;
  pendingLabel?: string;
  /** From useFormAction; forms using `<form action>` get it from useFormStatus. */
  pending?: boolean;
}) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  // A useFormAction form submits through its onSubmit handler, which exists only once React has hydrated;
  // a click before that would be a native GET that reloads the page and loses what was typed.
  const hydrated = useHydrated();
  const waiting = pendingProp !== undefined && !hydrated;
  return (
    <Button type="submit" variant={variant} disabled={pending || waiting} aria-busy={pending}>
      {pending && <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />}
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
