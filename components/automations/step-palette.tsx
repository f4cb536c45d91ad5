"use client";

import { useDraggable } from "@dnd-kit/core";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { automationStepKinds, type AutomationStepKind } from "@/db/schema/automations";

export const paletteId = (kind: AutomationStepKind) => `palette:${kind}`;

function PaletteItem({ kind, disabled, onAdd }: { kind: AutomationStepKind; disabled: boolean; onAdd: () => void }) {
  const t = useTranslations("automations");
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: paletteId(kind), data: { kind }, disabled });
  return (
    <li className={cn("flex items-center gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm", isDragging && "opacity-50")}>
      <div
        ref={setNodeRef}
        {...listeners}
        {...attributes}
        // The "Add" button is the keyboard way; the draggable body is for pointers only.
        tabIndex={-1}
        role="presentation"
        aria-roledescription={undefined}
        data-testid={`palette-${kind}`}
        className={cn("min-w-0 flex-1 touch-none", !disabled && "cursor-grab")}
      >
        <span className="block text-sm font-medium text-slate-900">{t(`kinds.${kind}`)}</span>
        <span className="block text-xs text-slate-600">{t(`kindHints.${kind}`)}</span>
      </div>
      <Button type="button" size="sm" variant="secondary" disabled={disabled} onClick={onAdd} aria-label={t("editor.addLabel", { kind: t(`kinds.${kind}`) })}>
        {t("editor.add")}
      </Button>
    </li>
  );
}

/** The three step kinds, dragged into the sequence or added to its end with "Add". */
export function StepPalette({ disabled, onAdd }: { disabled: boolean; onAdd: (kind: AutomationStepKind) => void }) {
  const t = useTranslations("automations.editor");
  return (
    <section aria-labelledby="palette-heading" className="rounded-lg border border-slate-200 bg-slate-50 p-3 sm:p-4">
      <h2 id="palette-heading" className="text-sm font-semibold text-slate-900">
        {t("palette")}
      </h2>
      <p className="mb-3 text-xs text-slate-600">{t("paletteHint")}</p>
      <ul className="space-y-2">
        {automationStepKinds.map((kind) => (
          <PaletteItem key={kind} kind={kind} disabled={disabled} onAdd={() => onAdd(kind)} />
        ))}
      </ul>
    </section>
  );
}
