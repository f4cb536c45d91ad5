import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ContactFilters } from "@/components/contacts/contact-filters";
import { ContactList } from "@/components/contacts/contact-list";
import { NewContactPanel } from "@/components/contacts/new-contact-panel";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { contactKinds, type ContactKind } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { hasContacts, listContacts } from "@/lib/contacts/list-contacts";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts"))("title") };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("contacts.view");
  const params = await searchParams;
  const q = first(params.q).trim().slice(0, 200);
  const kindParam = first(params.kind);
  const kind = contactKinds.includes(kindParam as ContactKind) ? (kindParam as ContactKind) : undefined;
  const ctx = { actor, db: await getDb(), now: systemClock.now() };
  const [page, t, tImports] = await Promise.all([listContacts(ctx, { q, kind }), getTranslations("contacts"), getTranslations("imports")]);
  const nothingYet = page.items.length === 0 && !(await hasContacts(ctx));

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(actor, "imports.run") ? (
            <Link href="/contacts/import" className={buttonClass("secondary", "sm")}>
              {tImports("importFromSpreadsheet")}
            </Link>
          ) : undefined
        }
      />
      <div className="space-y-6">
        {can(actor, "contacts.update") && <NewContactPanel />}
        {nothingYet ? (
          <EmptyState title={t("emptyTitle")} icon={<ContactsIcon />}>
            {t("emptyBody")}
          </EmptyState>
        ) : (
          <>
            <ContactFilters q={q} kind={kind} />
            {page.items.length === 0 ? (
              <EmptyState title={t("noMatchesTitle")}>{t("noMatchesBody")}</EmptyState>
            ) : (
              <ContactList key={`${kind ?? ""}|${q}`} initial={page} q={q} kind={kind} />
            )}
          </>
        )}
      </div>
    </>
  );
}

function ContactsIcon() {
  return (
    <svg className="size-10" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path
        d="M15 19.128a9.38 9.38 0 0 0 2.625.372 9.337 9.337 0 0 0 4.121-.952 4.125 4.125 0 0 0-7.533-2.493M15 19.128v-.003c0-1.113-.285-2.16-.786-3.07M15 19.128v.106A12.318 12.318 0 0 1 8.624 21c-2.331 0-4.512-.645-6.374-1.766l-.001-.109a6.375 6.375 0 0 1 11.964-3.07M12 6.375a3.375 3.375 0 1 1-6.75 0 3.375 3.375 0 0 1 6.75 0Zm8.25 2.25a2.625 2.625 0 1 1-5.25 0 2.625 2.625 0 0 1 5.25 0Z"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
