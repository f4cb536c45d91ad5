"use client";

import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";

type Action<T> = (prev: ActionResult<T> | null, input: FormData | Record<string, unknown>) => Promise<ActionResult<T>>;

/** A server action run from a button (no form): `run(input)` dispatches it; state and pending as useActionState gives them. */
export function useRunAction<T>(action: Action<T>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const run = (input: Record<string, unknown>) => startTransition(() => dispatch(input));
  return { state, pending, run };
}
