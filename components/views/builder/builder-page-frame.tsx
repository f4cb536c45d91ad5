import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ModulePageFrame } from "@/components/ui/module-page-frame";

/** The builder pages' breadcrumb (module › page) and heading. */
export async function BuilderPageFrame({ module, title, heading, children }: { module: { id: string; name: string }; title: string; heading: string; children: ReactNode }) {
  const t = await getTranslations("view-builder");
  return (
    <ModulePageFrame module={module} breadcrumbLabel={t("breadcrumb")} crumbs={[{ label: title }]} heading={heading}>
      {children}
    </ModulePageFrame>
  );
}
