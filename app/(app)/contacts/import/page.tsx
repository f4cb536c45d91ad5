import { getTranslations } from "next-intl/server";
import { ImportFrame } from "@/components/import/import-frame";
import { ImportSource } from "@/components/import/import-source";
import { loadImportPage } from "@/components/import/load-import-page";
import { RecentImports } from "@/components/import/recent-imports";
import { uploadMaxBytes } from "@/lib/documents/storage";
import { listImports } from "@/lib/import/list-imports";

export async function generateMetadata() {
  return { title: (await getTranslations("imports"))("contactsHeading") };
}

/** Contacts → Import: companies and persons from a spreadsheet, and the recent contact imports. */
export default async function ContactsImportPage() {
  const { ctx, timeZone } = await loadImportPage(null);
  const [imports, t] = await Promise.all([listImports(ctx, { moduleId: null }), getTranslations("imports")]);
  const basePath = "/contacts/import";
  return (
    <ImportFrame module={null}>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("contactsIntro")}</p>
      <ImportSource target="contacts" moduleId={null} maxBytes={uploadMaxBytes()} basePath={basePath} />
      <RecentImports imports={imports} basePath={basePath} timeZone={timeZone} />
    </ImportFrame>
  );
}
