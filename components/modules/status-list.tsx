"use client";

import { useTranslations } from "next-intl";
import { reorderStatusesAction } from "@/app/(app)/settings/modules/actions";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form";
import type { StatusConfig } from "@/lib/modules/get-module-config";
import { AddStatusForm } from "./add-status-form";
import { ReorderAnnouncement, useReorder } from "./reorder";
import { StatusRow } from "./status-row";

/** The module's pipeline: its statuses in order (archived ones in place, greyed), and a form to add one. */
export function StatusList({ moduleId, statuses, defaultColor }: { moduleId: string; statuses: StatusConfig[]; defaultColor: string }) {
  const t = useTranslations("modules.statuses");
  const reorder = useReorder(statuses, reorderStatusesAction, (statusIds) => ({ moduleId, statusIds }));
  return (
    <section aria-labelledby="statuses-title">
      <h2 id="statuses-title" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t("hint")}</p>
      <Card className="overflow-hidden">
        {statuses.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <ol aria-label={t("listLabel")} className="divide-y divide-slate-200">
            {statuses.map((status, index) => (
              <StatusRow key={status.id} status={status} index={index} count={statuses.length} reorder={reorder} />
            ))}
          </ol>
        )}
        {reorder.state && !reorder.state.ok && (
          <div className="px-4 pb-3">
            <FormMessage state={reorder.state} />
          </div>
        )}
        <AddStatusForm moduleId={moduleId} defaultColor={defaultColor} />
      </Card>
      <ReorderAnnouncement text={reorder.announcement} />
    </section>
  );
}
