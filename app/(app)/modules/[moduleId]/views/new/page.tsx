import { getTranslations } from "next-intl/server";
import { BuilderPageFrame } from "@/components/views/builder/builder-page-frame";
import { loadBuilder } from "@/components/views/builder/load-builder";
import { ViewBuilder } from "@/components/views/builder/view-builder";
import { requirePermission } from "@/lib/auth/session";
import { emptyViewDefinition } from "@/lib/views/definition";
import { createViewAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("view-builder"))("newTitle") };
}

export default async function NewViewPage({ params }: { params: Promise<{ moduleId: string }> }) {
  const actor = await requirePermission("cards.view");
  const { moduleId } = await params;
  const { module, users, canShare } = await loadBuilder(actor, moduleId);
  const t = await getTranslations("view-builder");
  return (
    <BuilderPageFrame module={module} title={t("newTitle")} heading={t("newHeading", { module: module.name })}>
      <ViewBuilder
        module={module}
        users={users}
        companies={[]}
        initial={{ name: "", shared: false, definition: emptyViewDefinition() }}
        canShare={canShare}
        target={{ mode: "create" }}
        action={createViewAction}
      />
    </BuilderPageFrame>
  );
}
