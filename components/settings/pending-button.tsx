import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

/** A small button showing the pending state of useFormAction's run (useFormStatus does not see those). */
export function PendingButton({
  pending,
  children,
  variant,
  size,
  type = "submit",
  onClick,
}: {
  pending: boolean;
  children: ReactNode;
  variant?: ButtonVariant;
  size?: "sm" | "md";
  type?: "submit" | "button";
  onClick?: () => void;
}) {
  return (
    <Button type={type} variant={variant} size={size} disabled={pending} aria-busy={pending} onClick={onClick}>
      {pending && <span className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />}
      {children}
    </Button>
  );
}
