"use client";

import { useTranslations } from "next-intl";
import { restoreModuleAction } from "@/app/(app)/settings/modules/actions";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { FormMessage, useFormAction } from "@/components/ui/form";
import type { ModuleConfig } from "@/lib/modules/get-module-config";

/** An archived module's configuration, read-only, with the way back. */
export function ArchivedModuleNotice({ module: config }: { module: ModuleConfig }) {
  const t = useTranslations("modules.config");
  const types = useTranslations("modules.fields.types");
  const restore = useFormAction(restoreModuleAction);
  return (
    <div className="space-y-6">
      <Card className="border-amber-200 bg-amber-50 p-5">
        <p className="text-sm text-amber-900">{t("archivedNotice")}</p>
        <Button className="mt-3" size="sm" disabled={restore.pending} aria-busy={restore.pending} onClick={() => restore.run({ moduleId: config.id })}>
          {t("restore")}
        </Button>
        <div className="mt-2 empty:hidden">
          <FormMessage state={restore.state} />
        </div>
      </Card>
      <div className="grid gap-6 md:grid-cols-2">
        <Card className="p-5">
          <h2 className="mb-3 font-semibold text-slate-900">{t("statuses")}</h2>
          <ol className="space-y-1.5 text-sm">
            {config.statuses.map((s) => (
              <li key={s.id} className="flex items-center gap-2">
                <span className="size-3 rounded-full" style={{ backgroundColor: s.color }} aria-hidden />
                <span className={s.archived ? "text-slate-500" : undefined}>{s.name}</span>
              </li>
            ))}
          </ol>
        </Card>
        <Card className="p-5">
          <h2 className="mb-3 font-semibold text-slate-900">{t("fields")}</h2>
          {config.fields.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noFields")}</p>
          ) : (
            <ul className="space-y-1.5 text-sm">
              {config.fields.map((f) => (
                <li key={f.id} className="flex items-center gap-2">
                  <span className={f.archived ? "text-slate-500" : undefined}>{f.name}</span>
                  <Badge>{types(f.type)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
