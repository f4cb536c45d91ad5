import { getTranslations } from "next-intl/server";
import { ImportFlow } from "@/components/import/import-flow";
import { ImportFrame } from "@/components/import/import-frame";
import { loadImport, loadImportPage } from "@/components/import/load-import-page";
import { dryRunImportAction, listImportRowsAction, startImportAction, undoImportAction, updateImportSettingsAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("imports"))("title") };
}

/** One import of a module: the wizard while it is a draft, then its progress and report. */
export default async function ModuleImportDraftPage({ params }: { params: Promise<{ moduleId: string; importId: string }> }) {
  const { moduleId, importId } = await params;
  const { ctx, module } = await loadImportPage(moduleId);
  const draft = await loadImport(ctx, importId, module!.id);
  return (
    <ImportFrame module={module} fileCrumb={draft.fileName}>
      <ImportFlow
        draft={draft}
        actions={{ updateSettings: updateImportSettingsAction, dryRun: dryRunImportAction, start: startImportAction, undo: undoImportAction, listRows: listImportRowsAction }}
      />
    </ImportFrame>
  );
}
