"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";

type Action<T> = (prev: unknown, input: FormData | Record<string, unknown>) => Promise<ActionResult<T>>;

/**
 * Like useFormAction from components/ui/form (no automatic form reset, so a refused submit keeps
 * what the admin typed), plus what the settings screens need: clearing the form only on success,
 * and `run` to dispatch without a form (row buttons, confirmations).
 */
export function useSettingsAction<T>(action: Action<T>, { resetOnSuccess = false } = {}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state?.ok) formRef.current?.reset();
  }, [state, resetOnSuccess]);
  const run = (input: FormData | Record<string, unknown>) => startTransition(() => dispatch(input));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run(new FormData(event.currentTarget));
  };
  return { state, pending, run, onSubmit, formRef };
}
