import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArchivedModuleNotice } from "@/components/modules/archived-module-notice";
import { FieldList } from "@/components/modules/field-list";
import { StatusList } from "@/components/modules/status-list";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { getModuleConfigOrThrow, type ModuleConfig } from "@/lib/modules/get-module-config";
import { statusPalette } from "@/lib/modules/starter-pipeline";

type Props = { params: Promise<{ moduleId: string }> };

async function loadModule(moduleId: string): Promise<ModuleConfig> {
  try {
    return await getModuleConfigOrThrow(await getDb(), moduleId);
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props) {
  await requirePermission("modules.manage");
  const config = await loadModule((await params).moduleId);
  return { title: (await getTranslations("modules.config"))("title", { name: config.name }) };
}

export default async function ModuleConfigPage({ params }: Props) {
  await requirePermission("modules.manage");
  const [config, t] = await Promise.all([params.then((p) => loadModule(p.moduleId)), getTranslations("modules.config")]);
  return (
    <>
      <Link href="/settings/modules" className="mb-2 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
        <span aria-hidden>←</span> {t("back")}
      </Link>
      <PageHeader title={t("title", { name: config.name })} description={t("description")} />
      {config.archived ? (
        <ArchivedModuleNotice module={config} />
      ) : (
        <div className="space-y-10">
          <StatusList moduleId={config.id} statuses={config.statuses} defaultColor={statusPalette[config.statuses.length % statusPalette.length]} />
          <FieldList moduleId={config.id} fields={config.fields} />
        </div>
      )}
    </>
  );
}
