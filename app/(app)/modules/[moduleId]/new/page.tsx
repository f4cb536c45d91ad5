import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { NewCardForm } from "@/components/new-card/new-card-form";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listCardUsers } from "@/lib/cards/list-card-users";
import { loadModuleForCards } from "@/lib/cards/load-module";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { getOrganisation } from "@/lib/org/organisation";
import { defaultTodoDeadline } from "@/lib/todos/default-deadline";

export async function generateMetadata() {
  return { title: (await getTranslations("card.new"))("title") };
}

const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

export default async function NewCardPage({ params }: { params: Promise<{ moduleId: string }> }) {
  const { moduleId } = await params;
  const actor = await requirePermission("cards.create");
  if (!isUuid(moduleId)) notFound();
  const db = await getDb();
  const config = await loadModuleForCards(db, moduleId).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  });
  const [users, org, t, tImports] = await Promise.all([listCardUsers(db, actor.locale), getOrganisation(db), getTranslations("card.new"), getTranslations("imports")]);
  const timeZone = org?.timeZone ?? "Europe/Budapest";
  const statuses = config.statuses.filter((s) => !s.archivedAt);
  // A Restricted user may only own a card themselves or leave it unowned (else it would vanish from their lists).
  const ownerChoices = users.filter((u) => u.active && (actor.role !== "restricted" || u.id === actor.id));

  return (
    <div className="mx-auto max-w-3xl">
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-slate-500">
        <Link href={`/modules/${config.module.id}`} className="hover:text-brand-700 hover:underline">
          {config.module.name}
        </Link>
        <span aria-hidden className="mx-1.5">
          ›
        </span>
        <span>{t("title")}</span>
      </nav>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("heading", { module: config.module.name })}</h1>
        {can(actor, "imports.run") && (
          <Link href={`/modules/${config.module.id}/import`} className={buttonClass("secondary", "sm")}>
            {tImports("importFromSpreadsheet")}
          </Link>
        )}
      </div>
      <NewCardForm
        moduleId={config.module.id}
        statuses={statuses}
        fields={config.fields.filter((f) => !f.archivedAt)}
        ownerChoices={ownerChoices}
        users={users}
        meId={actor.id}
        timeZone={timeZone}
        todoDefault={defaultTodoDeadline(systemClock.now(), timeZone)}
      />
    </div>
  );
}
