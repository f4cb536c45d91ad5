"use client";

import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage, useFormAction, type FormState } from "@/components/ui/form";
import type { AutomationState } from "@/db/schema/automations";
import type { ActionResult } from "@/lib/actions/safe-action";

type Input = { automationId: string };
type Activated = { automationId: string; moduleId: string; enrolled: number };
type SwitchedOff = { automationId: string; moduleId: string; cancelled: number };

/** "Activate" (draft or off) or "Switch off" (active), each asking first; the outcome (or the refusal, translated) below. */
export function AutomationControls({
  automation,
  activateAction,
  switchOffAction,
}: {
  automation: { id: string; name: string; state: AutomationState };
  activateAction: (prev: ActionResult<Activated> | null, input: Input) => Promise<ActionResult<Activated>>;
  switchOffAction: (prev: ActionResult<SwitchedOff> | null, input: Input) => Promise<ActionResult<SwitchedOff>>;
}) {
  const t = useTranslations("automations.editor");
  const activate = useFormAction(activateAction);
  const switchOff = useFormAction(switchOffAction);
  const input = { automationId: automation.id };
  return (
    <div className="flex flex-col items-end gap-2">
      {automation.state === "active" ? (
        <ConfirmDialog
          triggerLabel={t("switchOff")}
          triggerVariant="danger"
          title={t("switchOffTitle", { name: automation.name })}
          confirmLabel={t("switchOff")}
          confirmVariant="danger"
          cancelLabel={t("cancel")}
          disabled={switchOff.pending}
          onConfirm={() => switchOff.run(input)}
        >
          {t("switchOffBody")}
        </ConfirmDialog>
      ) : (
        <ConfirmDialog
          triggerLabel={t("activate")}
          triggerVariant="primary"
          title={t("activateTitle", { name: automation.name })}
          confirmLabel={t("activate")}
          cancelLabel={t("cancel")}
          disabled={activate.pending}
          onConfirm={() => activate.run(input)}
        >
          {t("activateBody")}
        </ConfirmDialog>
      )}
      <FormMessage state={activate.state as FormState} success={activate.state?.ok ? t("activated", { count: activate.state.data.enrolled }) : undefined} />
      <FormMessage state={switchOff.state as FormState} success={switchOff.state?.ok ? t("switchedOff", { count: switchOff.state.data.cancelled }) : undefined} />
    </div>
  );
}
