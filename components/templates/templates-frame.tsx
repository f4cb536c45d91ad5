import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ModulePageFrame } from "@/components/ui/module-page-frame";

/** The Templates pages' breadcrumb (module › Templates › page) and heading. */
export async function TemplatesFrame({ module, crumb, heading, actions, children }: { module: { id: string; name: string }; crumb?: string; heading: string; actions?: ReactNode; children: ReactNode }) {
  const t = await getTranslations("templates");
  const templates = { label: t("title"), href: `/modules/${module.id}/templates` };
  return (
    <ModulePageFrame module={module} breadcrumbLabel={t("breadcrumb")} crumbs={crumb ? [templates, { label: crumb }] : [templates]} heading={heading} actions={actions}>
      {children}
    </ModulePageFrame>
  );
}
