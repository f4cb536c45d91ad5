"use client";

import { useId, useRef, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";

/**
 * A button that asks before doing something consequential, in a native modal <dialog>: focus
 * stays inside, Escape cancels, and Cancel has the focus first.
 */
export function ConfirmDialog({
  triggerLabel,
  triggerAriaLabel,
  triggerVariant = "secondary",
  triggerSize = "sm",
  title,
  children,
  confirmLabel,
  confirmVariant = "primary",
  cancelLabel,
  onConfirm,
  disabled,
}: {
  triggerLabel: string;
  /** A longer accessible name for the trigger; it must begin with `triggerLabel` (WCAG 2.5.3, label in name). */
  triggerAriaLabel?: string;
  triggerVariant?: ButtonVariant;
  /** "md" beside full-size controls (a form's row); "sm" in a list's row. */
  triggerSize?: "sm" | "md";
  title: string;
  children: ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
  cancelLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  return (
    <>
      <Button size={triggerSize} variant={triggerVariant} disabled={disabled} aria-haspopup="dialog" aria-label={triggerAriaLabel} onClick={() => dialog.current?.showModal()}>
        {triggerLabel}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg bg-white p-6 text-left shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <div id={bodyId} className="mt-2 text-sm whitespace-normal text-slate-600">
          {children}
        </div>
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
            {cancelLabel}
          </Button>
          <Button
            variant={confirmVariant}
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
