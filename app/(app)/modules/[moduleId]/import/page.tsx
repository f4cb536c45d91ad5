import { getTranslations } from "next-intl/server";
import { ImportFrame } from "@/components/import/import-frame";
import { ImportSource } from "@/components/import/import-source";
import { loadImportPage } from "@/components/import/load-import-page";
import { RecentImports } from "@/components/import/recent-imports";
import { uploadMaxBytes } from "@/lib/documents/storage";
import { listImports } from "@/lib/import/list-imports";

export async function generateMetadata() {
  return { title: (await getTranslations("imports"))("title") };
}

/** "New card" → "Import": the wizard's first step (a file or pasted rows) and the module's recent imports. */
export default async function ModuleImportPage({ params }: { params: Promise<{ moduleId: string }> }) {
  const { moduleId } = await params;
  const { ctx, module, timeZone } = await loadImportPage(moduleId);
  const [imports, t] = await Promise.all([listImports(ctx, { moduleId: module!.id }), getTranslations("imports")]);
  const basePath = `/modules/${module!.id}/import`;
  return (
    <ImportFrame module={module}>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      <ImportSource target="cards" moduleId={module!.id} maxBytes={uploadMaxBytes()} basePath={basePath} />
      <RecentImports imports={imports} basePath={basePath} timeZone={timeZone} />
    </ImportFrame>
  );
}
