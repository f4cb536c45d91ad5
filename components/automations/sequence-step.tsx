"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { EditorOptions, StepDraft } from "./step-draft";
import { StepFields } from "./step-fields";

const accent = { email_contact: "border-l-brand-500", email_user: "border-l-sky-500", todo_user: "border-l-amber-500" } as const;

/** One step of the sequence: a drag handle, its title, move up / move down / remove buttons (the keyboard way), and its form. */
export function SequenceStep({
  step,
  index,
  count,
  options,
  errors,
  readOnly,
  onChange,
  onMove,
  onRemove,
}: {
  step: StepDraft;
  index: number;
  count: number;
  options: EditorOptions;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (patch: Partial<StepDraft>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("automations.editor");
  const tKinds = useTranslations("automations.kinds");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: step.key, disabled: readOnly });
  const n = index + 1;
  const title = t("step", { n, kind: tKinds(step.kind) });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn("rounded-lg border border-l-4 border-slate-200 bg-white p-3 shadow-sm sm:p-4", accent[step.kind], isDragging && "z-10 opacity-70 shadow-lg")}
      aria-label={title}
      data-testid="sequence-step"
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        {!readOnly && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={t("dragHandle", { n })}
            className="cursor-grab touch-none rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-500"
          >
            <svg viewBox="0 0 20 20" className="size-5" aria-hidden fill="currentColor">
              <circle cx="7" cy="5" r="1.5" />
              <circle cx="13" cy="5" r="1.5" />
              <circle cx="7" cy="10" r="1.5" />
              <circle cx="13" cy="10" r="1.5" />
              <circle cx="7" cy="15" r="1.5" />
              <circle cx="13" cy="15" r="1.5" />
            </svg>
          </button>
        )}
        <h3 className="min-w-0 flex-1 text-sm font-semibold text-slate-900">{title}</h3>
        {!readOnly && (
          <span className="flex gap-1">
            <Button type="button" size="sm" variant="ghost" className="disabled:text-slate-400 disabled:hover:bg-transparent" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t("moveUpLabel", { n })}>
              <span aria-hidden>↑</span>
              <span className="sr-only sm:not-sr-only">{t("moveUp")}</span>
            </Button>
            <Button type="button" size="sm" variant="ghost" className="disabled:text-slate-400 disabled:hover:bg-transparent" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t("moveDownLabel", { n })}>
              <span aria-hidden>↓</span>
              <span className="sr-only sm:not-sr-only">{t("moveDown")}</span>
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={onRemove} aria-label={t("removeLabel", { n })}>
              {t("remove")}
            </Button>
          </span>
        )}
      </div>
      <StepFields step={step} options={options} errors={errors} disabled={readOnly} onChange={onChange} />
    </li>
  );
}
