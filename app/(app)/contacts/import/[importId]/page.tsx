import { getTranslations } from "next-intl/server";
import { ImportFlow } from "@/components/import/import-flow";
import { ImportFrame } from "@/components/import/import-frame";
import { loadImport, loadImportPage } from "@/components/import/load-import-page";
import { dryRunImportAction, listImportRowsAction, startImportAction, undoImportAction, updateImportSettingsAction } from "@/app/(app)/modules/[moduleId]/import/actions";

export async function generateMetadata() {
  return { title: (await getTranslations("imports"))("contactsHeading") };
}

/** One contacts import: the wizard while it is a draft, then its progress and report. */
export default async function ContactsImportDraftPage({ params }: { params: Promise<{ importId: string }> }) {
  const { importId } = await params;
  const { ctx } = await loadImportPage(null);
  const draft = await loadImport(ctx, importId, null);
  return (
    <ImportFrame module={null} fileCrumb={draft.fileName}>
      <ImportFlow
        draft={draft}
        actions={{ updateSettings: updateImportSettingsAction, dryRun: dryRunImportAction, start: startImportAction, undo: undoImportAction, listRows: listImportRowsAction }}
      />
    </ImportFrame>
  );
}
