"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/components/ui/form";

/** Clears a "create" form once the server accepted it (on a refusal, what was typed stays). */
export function useResetOnSuccess(state: FormState) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return formRef;
}
