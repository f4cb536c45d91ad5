import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ModulePageFrame } from "@/components/ui/module-page-frame";

/** The automation pages' breadcrumb (module › Automations › page) and heading. */
export async function AutomationsFrame({ module, crumb, heading, actions, children }: { module: { id: string; name: string }; crumb: string; heading: string; actions?: ReactNode; children: ReactNode }) {
  const t = await getTranslations("automations");
  return (
    <ModulePageFrame module={module} breadcrumbLabel={t("breadcrumb")} crumbs={[{ label: t("title"), href: `/modules/${module.id}/automations` }, { label: crumb }]} heading={heading} actions={actions} wide>
      {children}
    </ModulePageFrame>
  );
}
