import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("common.todos"))("title") };
}

export default async function MyTodosPage() {
  const actor = await requirePermission("todos.view");
  const t = await getTranslations("common.todos");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EmptyState
        title={t("emptyTitle")}
        icon={<CheckIcon />}
        action={can(actor, "settings.view") ? <Link href="/settings" className={buttonClass()}>{t("emptyAdminAction")}</Link> : undefined}
      >
        {t("emptyBody")}
      </EmptyState>
    </>
  );
}

function CheckIcon() {
  return (
    <svg className="size-10" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path d="M9 12.75 11.25 15 15 9.75M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
