"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ContactKind } from "@/db/schema";
import { NewContactForm } from "./new-contact-form";

/** The "New company" and "New person" buttons, each opening its form below. */
export function NewContactPanel() {
  const t = useTranslations("contacts.new");
  const panelId = useId();
  const [open, setOpen] = useState<ContactKind | null>(null);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        {(["company", "person"] as const).map((kind) => (
          <Button
            key={kind}
            variant={open === kind ? "primary" : "secondary"}
            aria-expanded={open === kind}
            aria-controls={panelId}
            onClick={() => setOpen((o) => (o === kind ? null : kind))}
          >
            {t(kind)}
          </Button>
        ))}
      </div>
      <div id={panelId}>{open && <NewContactForm key={open} kind={open} onCancel={() => setOpen(null)} />}</div>
    </div>
  );
}
