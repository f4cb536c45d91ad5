import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AutomationControls } from "@/components/automations/automation-controls";
import { AutomationEditor } from "@/components/automations/automation-editor";
import { AutomationEvents } from "@/components/automations/automation-events";
import { AutomationsFrame } from "@/components/automations/automations-frame";
import { PreviewPanel } from "@/components/automations/preview-panel";
import { draftFromRow } from "@/components/automations/step-draft";
import { LiveRefresh } from "@/components/live/live-provider";
import { Badge } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { automationStepKinds } from "@/db/schema";
import { requirePermission } from "@/lib/auth/session";
import { previewDays } from "@/lib/automations/automation-input";
import { getAutomationDetail } from "@/lib/automations/get-automation-detail";
import { previewAutomation } from "@/lib/automations/preview-automation";
import { listFilterUsers } from "@/lib/cards/list-filter-users";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { getModuleConfigOrThrow } from "@/lib/modules/get-module-config";
import { getOrganisation } from "@/lib/org/organisation";
import { listEmailTemplates } from "@/lib/templates/email-templates";
import { listTodoTemplates } from "@/lib/templates/todo-templates";
import { activateAutomationAction, saveStepsAction, switchOffAutomationAction } from "../actions";

type Props = { params: Promise<{ moduleId: string; automationId: string }> };

const orNotFound = (error: unknown): never => {
  if (error instanceof DomainError && error.kind === "not_found") notFound();
  throw error;
};

export async function generateMetadata() {
  return { title: (await getTranslations("automations"))("title") };
}

/**
 * An automation's editor: its steps (drag and drop, or the keyboard buttons), Save, Activate / Switch
 * off, the 14-day preview and its events. "automations.changed" events of the module refetch it.
 */
export default async function AutomationEditorPage({ params }: Props) {
  const actor = await requirePermission("automations.manage");
  const { moduleId, automationId } = await params;
  const db = await getDb();
  const ctx = { actor, db, now: systemClock.now() };
  const config = await getModuleConfigOrThrow(db, moduleId).catch(orNotFound);
  const detail = await getAutomationDetail(ctx, automationId, config.id).catch(orNotFound);
  const { automation } = detail;
  const [emailTemplates, todoTemplates, users, org, preview, t, tKinds] = await Promise.all([
    listEmailTemplates(ctx, config.id),
    listTodoTemplates(ctx, config.id),
    getLocale().then((l) => listFilterUsers(db, l)),
    getOrganisation(db),
    previewAutomation(ctx, { automationId: automation.id }),
    getTranslations("automations"),
    getTranslations("automations.kinds"),
  ]);
  const timeZone = org?.timeZone ?? "Europe/Budapest";
  const options = {
    emailTemplates: emailTemplates.map((e) => ({ id: e.id, name: e.name })),
    todoTemplates: todoTemplates.map((e) => ({ id: e.id, text: e.text })),
    users: [...users, ...detail.stepUsers.filter((u) => u.inactive)],
  };
  const tone = { draft: "slate", active: "green", off: "amber" } as const;
  const condition = automation.trigger === "status" ? t("trigger_status", { status: detail.statusName ?? "?" }) : t("trigger_view", { view: detail.viewName ?? "?" });
  const readOnly = automation.state === "active";

  return (
    <AutomationsFrame
      module={config}
      crumb={automation.name}
      heading={automation.name}
      actions={<AutomationControls automation={automation} activateAction={activateAutomationAction} switchOffAction={switchOffAutomationAction} />}
    >
      <LiveRefresh moduleId={config.id} wait={200} />
      <p className="-mt-4 mb-5 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Badge tone={tone[automation.state]}>{t(`state_${automation.state}`)}</Badge>
        <span>
          {condition} · {t(`kind_${automation.kind}`)}
          {automation.onlyNew && ` · ${t("onlyNew")}`}
        </span>
      </p>
      <div className="space-y-6">
        <AutomationEditor
          key={`${automation.state}`}
          automation={{ id: automation.id, name: automation.name, version: automation.version }}
          steps={detail.steps.map(draftFromRow)}
          options={options}
          readOnly={readOnly}
          saveAction={saveStepsAction}
        />
        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <PreviewPanel
            preview={preview}
            kinds={Object.fromEntries(automationStepKinds.map((k) => [k, tKinds(k)]))}
            now={ctx.now}
            days={previewDays}
            timeZone={timeZone}
            active={readOnly}
          />
          <AutomationEvents events={detail.events} timeZone={timeZone} />
        </div>
      </div>
    </AutomationsFrame>
  );
}
