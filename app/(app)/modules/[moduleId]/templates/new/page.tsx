import { getTranslations } from "next-intl/server";
import { EmailTemplateForm } from "@/components/templates/email-template-form";
import { loadTemplatesModule } from "@/components/templates/load-templates-module";
import { TemplatesFrame } from "@/components/templates/templates-frame";
import { requirePermission } from "@/lib/auth/session";
import { listEmailTemplates } from "@/lib/templates/email-templates";
import { systemClock } from "@/lib/clock";
import { createEmailTemplateAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("templates"))("newTitle") };
}

export default async function NewEmailTemplatePage({ params }: { params: Promise<{ moduleId: string }> }) {
  const actor = await requirePermission("templates.manage");
  const { moduleId } = await params;
  const { db, config, variables } = await loadTemplatesModule(moduleId);
  const existing = await listEmailTemplates({ actor, db, now: systemClock.now() }, config.id);
  const t = await getTranslations("templates");
  return (
    <TemplatesFrame module={config} crumb={t("newTitle")} heading={t("newHeading", { module: config.name })}>
      <EmailTemplateForm
        moduleId={config.id}
        initial={{ name: "", category: "", subject: "", bodyHtml: "" }}
        variables={variables}
        categories={[...new Set(existing.map((e) => e.category).filter(Boolean))]}
        action={createEmailTemplateAction}
      />
    </TemplatesFrame>
  );
}
