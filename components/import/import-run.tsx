"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Card } from "@/components/ui/card";
import { useLive, useLiveEvents } from "@/components/live/live-provider";
import type { ImportDraft } from "@/lib/import/types";
import { ImportReport } from "./import-report";
import { ProgressBar } from "./progress-bar";
import { StepHeading } from "./step-heading";
import type { ImportActions } from "./types";

/**
 * A started import: while queued or running, a progress bar that the server's "import.progress" events move
 * (each one refetches this page, at most twice a second); then the report.
 */
export function ImportRun({ draft, actions }: { draft: ImportDraft; actions: ImportActions }) {
  const running = draft.state === "queued" || draft.state === "running";
  return running ? <ImportProgress draft={draft} /> : <ImportReport draft={draft} actions={actions} />;
}

function ImportProgress({ draft }: { draft: ImportDraft }) {
  const t = useTranslations("imports.progress");
  const router = useRouter();
  const { connected } = useLive();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, 500);
  };
  useLiveEvents((event) => {
    if (event.kind === "import.progress" && event.importId === draft.id) refresh();
  });
  useEffect(() => {
    // The run may have moved (or ended) between this page's render and its subscription, or while the
    // connection was down: look once now (and at each reconnect, which flips `connected`). Then now and then,
    // whatever the events do: one lost on its way between instances (a NOTIFY sent while the other's listener
    // reconnects) must not leave the bar standing. More often without a live connection.
    refresh();
    const poll = setInterval(() => router.refresh(), connected ? 5000 : 3000);
    return () => clearInterval(poll);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refresh only reads refs
  }, [connected, router]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const total = Math.max(draft.totalRows, draft.doneRows);
  return (
    <Card className="p-4 sm:p-6">
      <section aria-labelledby="import-progress-heading">
        <StepHeading id="import-progress-heading">{t("heading")}</StepHeading>
        <p className="mb-2 text-sm text-slate-700" aria-live="polite">
          {draft.state === "queued" ? t("queued") : t("rows", { done: draft.doneRows, total })}
        </p>
        <ProgressBar label={t("label")} value={draft.doneRows} max={total} valueText={t("rows", { done: draft.doneRows, total })} />
        <p className="mt-3 text-sm text-slate-600">{t("hint")}</p>
      </section>
    </Card>
  );
}
