import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BuilderPageFrame } from "@/components/views/builder/builder-page-frame";
import { loadBuilder, notFoundOnMissing } from "@/components/views/builder/load-builder";
import { ViewBuilder } from "@/components/views/builder/view-builder";
import { requirePermission } from "@/lib/auth/session";
import { listContactNames } from "@/lib/contacts/list-contact-names";
import type { ViewNode } from "@/lib/views/definition";
import { getViewOrThrow } from "@/lib/views/get-view-or-throw";
import { updateViewAction } from "../../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("view-builder"))("editTitle") };
}

/** The companies a tree names ("company is any of …"), so the builder can show their names. */
const companyIds = (node: ViewNode): string[] =>
  node.on === "group" ? node.conditions.flatMap(companyIds) : node.on === "contact" && node.op === "company_is" ? node.contactIds : [];

export default async function EditViewPage({ params }: { params: Promise<{ moduleId: string; viewId: string }> }) {
  const actor = await requirePermission("cards.view");
  const { moduleId, viewId } = await params;
  const { db, module, users, canShare } = await loadBuilder(actor, moduleId);
  const view = await getViewOrThrow(db, actor, moduleId, viewId).catch(notFoundOnMissing);
  if (!view.canEdit) forbidden();
  const [companies, t] = await Promise.all([listContactNames(db, actor, [...new Set(companyIds(view.definition.filter))]), getTranslations("view-builder")]);
  return (
    <BuilderPageFrame module={module} title={t("editTitle")} heading={t("editHeading", { name: view.name })}>
      <ViewBuilder
        module={module}
        users={users}
        companies={companies}
        initial={{ name: view.name, shared: view.shared, definition: view.definition }}
        canShare={canShare}
        target={{ mode: "edit", viewId: view.id, version: view.version }}
        action={updateViewAction}
      />
    </BuilderPageFrame>
  );
}
