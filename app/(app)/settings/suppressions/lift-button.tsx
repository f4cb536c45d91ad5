"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useErrorMessage, useFormAction } from "@/components/ui/form";
import { liftSuppressionAction } from "./actions";

/** Lifts one address's unsubscribe; the page re-renders without it (the action revalidates). */
export function LiftSuppressionButton({ address }: { address: string }) {
  const t = useTranslations("bulk-email.suppressions");
  const message = useErrorMessage();
  const lift = useFormAction(liftSuppressionAction);
  return (
    <span className="inline-flex items-center gap-2">
      {lift.state && !lift.state.ok && (
        <span role="alert" className="text-xs text-red-700">
          {message(lift.state.error)}
        </span>
      )}
      <Button variant="secondary" size="sm" aria-label={t("liftLabel", { address })} disabled={lift.pending} onClick={() => lift.run({ address })}>
        {t("lift")}
      </Button>
    </span>
  );
}
