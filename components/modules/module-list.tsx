"use client";

import { useTranslations } from "next-intl";
import { reorderModulesAction } from "@/app/(app)/settings/modules/actions";
import { FormMessage } from "@/components/ui/form";
import type { ModuleListItem } from "@/lib/modules/list-modules";
import { ModuleRow } from "./module-row";
import { ReorderAnnouncement, useReorder } from "./reorder";

/** The modules in navigation order, reorderable; archived ones below, to restore. */
export function ModuleList({ modules }: { modules: ModuleListItem[] }) {
  const t = useTranslations("modules.list");
  const active = modules.filter((m) => !m.archivedAt);
  const archived = modules.filter((m) => m.archivedAt);
  const reorder = useReorder(active, reorderModulesAction, (ids) => ({ moduleIds: [...ids, ...archived.map((m) => m.id)] }));

  return (
    <div className="space-y-8">
      {active.length > 0 && (
        <section aria-labelledby="modules-active">
          <h2 id="modules-active" className="mb-3 text-lg font-semibold text-slate-900">
            {t("activeTitle")}
          </h2>
          <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
            {active.map((module, index) => (
              <ModuleRow key={module.id} module={module} index={index} count={active.length} reorder={reorder} />
            ))}
          </ol>
          <div className="mt-2">
            <FormMessage state={reorder.state} />
          </div>
          <ReorderAnnouncement text={reorder.announcement} />
        </section>
      )}
      {archived.length > 0 && (
        <section aria-labelledby="modules-archived">
          <h2 id="modules-archived" className="text-lg font-semibold text-slate-900">
            {t("archivedTitle")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t("archivedHint")}</p>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
            {archived.map((module) => (
              <ModuleRow key={module.id} module={module} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
