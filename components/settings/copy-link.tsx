"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useSyncExternalStore, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";

const noSubscription = () => () => {};

/** A one-time link shown to the admin: a read-only field with the full URL and a Copy button. */
export function CopyLink({ label, path, hint }: { label: string; path: string; hint?: ReactNode }) {
  const t = useTranslations("settings.copy");
  const id = useId();
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const url = `${origin}${path}`;
  const [outcome, setOutcome] = useState<"copied" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setOutcome("copied");
    } catch {
      // No clipboard API (e.g. plain HTTP on a LAN address): fall back to selecting the text.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setOutcome(document.execCommand?.("copy") ? "copied" : "failed");
    }
  }

  return (
    <div className="rounded-md border border-brand-100 bg-brand-50 p-3">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-2">
        <Input
          id={id}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="font-mono text-xs"
        />
        <Button variant="secondary" onClick={copy}>
          {t("copy")}
        </Button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="mt-1.5 text-xs text-slate-600">
          {hint}
        </p>
      )}
      <p role="status" className={cn("mt-1 text-xs font-medium empty:hidden", outcome === "failed" ? "text-red-700" : "text-green-800")}>
        {outcome ? t(outcome) : ""}
      </p>
    </div>
  );
}
