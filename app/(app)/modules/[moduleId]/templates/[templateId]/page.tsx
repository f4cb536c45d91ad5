import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmailTemplateForm } from "@/components/templates/email-template-form";
import { loadTemplatesModule } from "@/components/templates/load-templates-module";
import { TemplatesFrame } from "@/components/templates/templates-frame";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { getEmailTemplateOrThrow, listEmailTemplates } from "@/lib/templates/email-templates";
import { updateEmailTemplateAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("templates"))("editTitle") };
}

export default async function EditEmailTemplatePage({ params }: { params: Promise<{ moduleId: string; templateId: string }> }) {
  const actor = await requirePermission("templates.manage");
  const { moduleId, templateId } = await params;
  const { db, config, variables } = await loadTemplatesModule(moduleId);
  const ctx = { actor, db, now: systemClock.now() };
  const template = await getEmailTemplateOrThrow(ctx, templateId).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  });
  if (template.moduleId !== config.id) notFound();
  const existing = await listEmailTemplates(ctx, config.id);
  const t = await getTranslations("templates");
  return (
    <TemplatesFrame module={config} crumb={template.name} heading={t("editHeading", { name: template.name })}>
      <EmailTemplateForm
        key={template.version}
        moduleId={config.id}
        initial={{ templateId: template.id, version: template.version, name: template.name, category: template.category, subject: template.subject, bodyHtml: template.bodyHtml }}
        variables={variables}
        categories={[...new Set(existing.map((e) => e.category).filter(Boolean))]}
        action={updateEmailTemplateAction}
      />
    </TemplatesFrame>
  );
}
