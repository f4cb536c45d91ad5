import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AutomationsFrame } from "@/components/automations/automations-frame";
import { NewAutomationForm } from "@/components/automations/new-automation-form";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { getModuleConfigOrThrow } from "@/lib/modules/get-module-config";
import { listViews } from "@/lib/views/list-views";
import { createAutomationAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("automations.new"))("title") };
}

/** "New automation": the trigger and kind; the steps come next, in the editor. */
export default async function NewAutomationPage({ params }: { params: Promise<{ moduleId: string }> }) {
  const actor = await requirePermission("automations.manage");
  const { moduleId } = await params;
  const db = await getDb();
  const config = await getModuleConfigOrThrow(db, moduleId).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  });
  const [views, t] = await Promise.all([listViews(db, actor, config.id), getTranslations("automations.new")]);
  return (
    <AutomationsFrame module={config} crumb={t("title")} heading={t("heading", { module: config.name })}>
      <NewAutomationForm
        moduleId={config.id}
        statuses={config.statuses.filter((s) => !s.archived).map((s) => ({ id: s.id, name: s.name }))}
        views={views.map((v) => ({ id: v.id, name: v.name }))}
        action={createAutomationAction}
      />
    </AutomationsFrame>
  );
}
