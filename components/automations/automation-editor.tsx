"use client";

import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, closestCenter, useDroppable, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from "@dnd-kit/core";
import { SortableContext, arrayMove, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormMessage, useErrorMessage, useFormAction, type FormState } from "@/components/ui/form";
import { Input, Label } from "@/components/ui/input";
import type { AutomationStepKind } from "@/db/schema/automations";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { SaveStepsInput } from "@/lib/automations/automation-input";
import { SequenceStep } from "./sequence-step";
import { newStep, stepInput, type EditorOptions, type StepDraft } from "./step-draft";
import { StepPalette } from "./step-palette";

type Saved = { automationId: string; moduleId: string; version: number };

function SequenceDropZone({ empty, children }: { empty: boolean; children: ReactNode }) {
  const t = useTranslations("automations.editor");
  const { setNodeRef, isOver } = useDroppable({ id: "sequence" });
  return (
    <div ref={setNodeRef} className={cn("min-h-32 rounded-lg border-2 border-dashed p-2 transition-colors sm:p-3", isOver ? "border-brand-500 bg-brand-50" : "border-slate-200")} data-testid="sequence">
      {empty ? <p className="px-2 py-10 text-center text-sm text-slate-600">{t("emptySequence")}</p> : children}
    </div>
  );
}

/**
 * The automation editor: the name, the sequence on the left (reordered by dragging or with move up /
 * move down) and the palette on the right (dragged in, or "Add"). Save sends the whole sequence with
 * the version it started from. An active automation is read-only and shows the server's steps.
 */
export function AutomationEditor({
  automation,
  steps: serverSteps,
  options,
  readOnly,
  saveAction,
}: {
  automation: { id: string; name: string; version: number };
  steps: StepDraft[];
  options: EditorOptions;
  readOnly: boolean;
  saveAction: (prev: ActionResult<Saved> | null, input: SaveStepsInput) => Promise<ActionResult<Saved>>;
}) {
  const t = useTranslations("automations.editor");
  const tKinds = useTranslations("automations.kinds");
  const message = useErrorMessage();
  const [name, setName] = useState(automation.name);
  const [local, setLocal] = useState<StepDraft[]>(serverSteps);
  const [version, setVersion] = useState(automation.version);
  const [dirty, setDirty] = useState(false);
  const [dragging, setDragging] = useState<AutomationStepKind | null>(null);
  const [announce, setAnnounce] = useState("");
  const { state, pending, run } = useFormAction(async (prev: ActionResult<Saved> | null, input: SaveStepsInput) => {
    const result = await saveAction(prev, input);
    if (result.ok) {
      setVersion(result.data.version);
      setDirty(false);
    }
    return result;
  });
  const steps = readOnly ? serverSteps : local;
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  // What screen readers hear while a step is dragged with the keyboard (space on its handle, arrows, space), in the user's language.
  const position = (id: string | number) => local.findIndex((s) => s.key === id) + 1;
  const accessibility = {
    screenReaderInstructions: { draggable: t("dragInstructions") },
    announcements: {
      onDragStart: ({ active }: { active: { id: string | number } }) => t("dragStart", { n: position(active.id) }),
      onDragOver: ({ over }: { over: { id: string | number } | null }) => (over && position(over.id) > 0 ? t("dragOver", { n: position(over.id) }) : undefined),
      onDragEnd: ({ over }: { over: { id: string | number } | null }) => (over && position(over.id) > 0 ? t("dragEnd", { n: position(over.id) }) : t("dragCancel")),
      onDragCancel: () => t("dragCancel"),
    },
  };
  const changedElsewhere = !readOnly && automation.version > version;

  const update = (next: StepDraft[]) => {
    setLocal(next);
    setDirty(true);
  };
  const insert = (kind: AutomationStepKind, at: number) => {
    const next = [...local];
    next.splice(at, 0, newStep(kind));
    update(next);
    setAnnounce(t("added", { n: at + 1, kind: tKinds(kind) }));
  };
  const onDragStart = ({ active }: DragStartEvent) => setDragging((active.data.current?.kind as AutomationStepKind | undefined) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    if (!over) return;
    const kind = active.data.current?.kind as AutomationStepKind | undefined;
    if (kind) {
      const index = over.id === "sequence" ? -1 : local.findIndex((s) => s.key === over.id);
      // Dropped on a step: before it when over its upper half, after it when over its lower half.
      const dropped = active.rect.current.translated;
      const lowerHalf = dropped ? dropped.top + dropped.height / 2 > over.rect.top + over.rect.height / 2 : false;
      insert(kind, index < 0 ? local.length : index + (lowerHalf ? 1 : 0));
      return;
    }
    const from = local.findIndex((s) => s.key === active.id);
    const to = local.findIndex((s) => s.key === over.id);
    if (from >= 0 && to >= 0 && from !== to) update(arrayMove(local, from, to));
  };
  const reload = () => {
    setLocal(serverSteps);
    setName(automation.name);
    setVersion(automation.version);
    setDirty(false);
  };

  const fieldErrors = state && !state.ok ? (state.fields ?? {}) : {};
  const stepErrors = (index: number) =>
    Object.fromEntries(Object.entries(fieldErrors).flatMap(([path, code]) => (path.startsWith(`steps.${index}.`) ? [[path.slice(`steps.${index}.`.length), code]] : [])));
  const save = () => run({ automationId: automation.id, version, name, steps: local.map(stepInput) });

  return (
    <DndContext accessibility={accessibility} sensors={sensors} collisionDetection={closestCenter} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <section aria-labelledby="sequence-heading" className="min-w-0 space-y-3">
          {readOnly ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
              {t("readOnly")}
            </p>
          ) : (
            <div className="flex flex-wrap items-end gap-3">
              <div className="min-w-0 flex-1">
                <Label htmlFor="automation-name">{t("name")}</Label>
                <Input
                  id="automation-name"
                  value={name}
                  maxLength={120}
                  autoComplete="off"
                  onChange={(e) => {
                    setName(e.target.value);
                    setDirty(true);
                  }}
                  aria-invalid={fieldErrors.name ? true : undefined}
                />
                {fieldErrors.name && <p className="mt-1 text-xs text-red-700">{message(fieldErrors.name)}</p>}
              </div>
              <Button type="button" onClick={save} disabled={pending} aria-busy={pending}>
                {t("save")}
              </Button>
              {dirty && <span className="pb-2 text-sm text-amber-800">{t("unsaved")}</span>}
            </div>
          )}
          {changedElsewhere && (
            <p role="alert" className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("changedElsewhere")}
              <Button type="button" size="sm" variant="secondary" onClick={reload}>
                {t("reload")}
              </Button>
            </p>
          )}
          {!dirty && <FormMessage state={state as FormState} success={t("saved")} />}
          {dirty && state && !state.ok && <FormMessage state={state as FormState} />}
          {fieldErrors.steps && <p className="text-sm text-red-700">{message(fieldErrors.steps)}</p>}
          <h2 id="sequence-heading" className="text-lg font-semibold text-slate-900">
            {t("sequence")}
          </h2>
          <SequenceDropZone empty={steps.length === 0}>
            <SortableContext items={steps.map((s) => s.key)} strategy={verticalListSortingStrategy}>
              <ol className="space-y-3">
                {steps.map((step, index) => (
                  <SequenceStep
                    key={step.key}
                    step={step}
                    index={index}
                    count={steps.length}
                    options={options}
                    errors={stepErrors(index)}
                    readOnly={readOnly}
                    onChange={(patch) => update(local.map((s) => (s.key === step.key ? { ...s, ...patch } : s)))}
                    onMove={(to) => update(arrayMove(local, index, to))}
                    onRemove={() => update(local.filter((s) => s.key !== step.key))}
                  />
                ))}
              </ol>
            </SortableContext>
          </SequenceDropZone>
          <p className="sr-only" aria-live="polite">
            {announce}
          </p>
        </section>
        <div className="lg:sticky lg:top-4 lg:self-start">
          <StepPalette disabled={readOnly} onAdd={(kind) => insert(kind, local.length)} />
        </div>
      </div>
      <DragOverlay>
        {dragging && <div className="rounded-lg border border-brand-500 bg-white p-3 text-sm font-medium text-slate-900 shadow-lg">{tKinds(dragging)}</div>}
      </DragOverlay>
    </DndContext>
  );
}
