"use client";

import { useId, type ReactNode } from "react";
import { fieldError, useErrorMessage, type FormState } from "@/components/ui/form";
import { Label } from "@/components/ui/input";

export type ControlProps = { id: string; name: string; "aria-describedby"?: string; "aria-invalid"?: true };

/**
 * A labelled form control with its hint and error, for controls TextField does not cover
 * (select, textarea, file). The control is rendered by `children` with the ids it must carry.
 */
export function Field({
  label,
  name,
  state,
  hint,
  error: clientError,
  children,
}: {
  label: string;
  name: string;
  state: FormState;
  hint?: ReactNode;
  /** An error code to show instead of the one in `state` (e.g. found before submitting); announced as an alert. */
  error?: string | null;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const message = useErrorMessage();
  const error = clientError ?? fieldError(state, name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, name, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role={clientError ? "alert" : undefined} className="mt-1 text-xs text-red-700">
          {message(error)}
        </p>
      )}
    </div>
  );
}
