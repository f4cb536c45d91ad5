import { getTranslations } from "next-intl/server";
import { CreateModuleForm } from "@/components/modules/create-module-form";
import { ModuleList } from "@/components/modules/module-list";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { listModules } from "@/lib/modules/list-modules";

export async function generateMetadata() {
  return { title: (await getTranslations("modules"))("title") };
}

export default async function ModulesSettingsPage() {
  const actor = await requirePermission("modules.manage");
  const [modules, t] = await Promise.all([listModules({ actor, db: await getDb(), now: systemClock.now() }), getTranslations("modules")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-8">
        <CreateModuleForm />
        {modules.length === 0 ? (
          <EmptyState title={t("list.emptyTitle")} icon={<ModuleIcon />}>
            {t("list.emptyBody")}
          </EmptyState>
        ) : (
          <ModuleList modules={modules} />
        )}
      </div>
    </>
  );
}

function ModuleIcon() {
  return (
    <svg className="size-10" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path
        d="M3.75 6A2.25 2.25 0 0 1 6 3.75h2.25A2.25 2.25 0 0 1 10.5 6v2.25a2.25 2.25 0 0 1-2.25 2.25H6a2.25 2.25 0 0 1-2.25-2.25V6ZM3.75 15.75A2.25 2.25 0 0 1 6 13.5h2.25a2.25 2.25 0 0 1 2.25 2.25V18a2.25 2.25 0 0 1-2.25 2.25H6A2.25 2.25 0 0 1 3.75 18v-2.25ZM13.5 6a2.25 2.25 0 0 1 2.25-2.25H18A2.25 2.25 0 0 1 20.25 6v2.25A2.25 2.25 0 0 1 18 10.5h-2.25a2.25 2.25 0 0 1-2.25-2.25V6ZM13.5 15.75a2.25 2.25 0 0 1 2.25-2.25H18a2.25 2.25 0 0 1 2.25 2.25V18A2.25 2.25 0 0 1 18 20.25h-2.25A2.25 2.25 0 0 1 13.5 18v-2.25Z"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
