import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BulkEmailForm } from "@/components/views/bulk-email-form";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { listEmailTemplates } from "@/lib/templates/email-templates";
import { getViewOrThrow } from "@/lib/views/get-view-or-throw";

export async function generateMetadata() {
  return { title: (await getTranslations("bulk-email.viewAction"))("email") };
}

/** "Email the cards…" of a view: template and recipients → preview (counts, skips, three samples) → send. Managers, admins, group managers. */
export default async function BulkEmailPage({ params }: { params: Promise<{ moduleId: string; viewId: string }> }) {
  await requirePermission("email.bulk_send");
  const actor = await requirePermission("cards.view");
  const { moduleId, viewId } = await params;
  const db = await getDb();
  const view = await getViewOrThrow(db, actor, moduleId, viewId).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  });
  const templates = (await listEmailTemplates({ actor, db, now: systemClock.now() }, moduleId)).map(({ id, name, category }) => ({ id, name, category }));
  const t = await getTranslations("bulk-email.compose");
  const back = `/modules/${moduleId}?view=${view.id}`;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={t("title", { view: view.name })}
        description={t("intro")}
        actions={
          <Link href={back} className={buttonClass("secondary", "sm")}>
            {t("cancel")}
          </Link>
        }
      />
      {templates.length === 0 ? (
        <Card className="p-6">
          <p className="text-sm text-slate-700">{t("noTemplates")}</p>
          <Link href={`/modules/${moduleId}/templates`} className={`${buttonClass("primary", "sm")} mt-4`}>
            {t("toTemplates")}
          </Link>
        </Card>
      ) : (
        <BulkEmailForm moduleId={moduleId} viewId={view.id} templates={templates} />
      )}
    </div>
  );
}
