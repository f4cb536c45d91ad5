import { getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("common.contacts"))("title") };
}

export default async function ContactsPage() {
  await requirePermission("contacts.view");
  const t = await getTranslations("common.contacts");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
    </>
  );
}
