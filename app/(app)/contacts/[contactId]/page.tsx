import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LiveRefresh } from "@/components/live/live-provider";
import { ContactCardsTable } from "@/components/contacts/contact-cards-table";
import { ContactDetailsPanel } from "@/components/contacts/contact-details-panel";
import { ContactTrashActions } from "@/components/contacts/contact-trash-actions";
import { telHref } from "@/components/contacts/form-state";
import { Badge, Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { requirePermission, requireUser } from "@/lib/auth/session";
import { getContactPageOrThrow, type ContactPage } from "@/lib/contacts/get-contact-page";
import { DomainError } from "@/lib/errors";

type Props = { params: Promise<{ contactId: string }> };

/** The page's data, or Next's 404 for an unknown contact. */
async function load(actor: Actor, contactId: string): Promise<ContactPage> {
  try {
    return await getContactPageOrThrow(await getDb(), actor, contactId);
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props) {
  const actor = await requireUser();
  const { contactId } = await params;
  if (!can(actor, "contacts.view")) return {};
  return { title: (await load(actor, contactId)).contact.name };
}

export default async function ContactPageRoute({ params }: Props) {
  const actor = await requirePermission("contacts.view");
  const { contactId } = await params;
  const [page, t] = await Promise.all([load(actor, contactId), getTranslations("contacts")]);
  const { contact, company, people } = page;
  const trashed = contact.deletedAt !== null;

  return (
    <>
      <LiveRefresh contactId={contact.id} />
      <Link href="/contacts" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← {t("detail.back")}
      </Link>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{contact.name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Badge tone={contact.kind === "company" ? "brand" : "slate"}>{t(`kind.${contact.kind}`)}</Badge>
            {company && (
              <Link href={`/contacts/${company.id}`} className="hover:underline">
                {company.name}
              </Link>
            )}
          </p>
        </div>
        <ContactTrashActions
          contactId={contact.id}
          name={contact.name}
          trashed={trashed}
          canTrash={can(actor, "contacts.trash")}
          canRestore={can(actor, "trash.restore")}
        />
      </div>

      {trashed && (
        <div role="status" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-semibold">{t("detail.trashedTitle")}</p>
          <p>{t("detail.trashedBody")}</p>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <ContactCardsTable cards={page.cards} />
          {contact.kind === "company" && (
            <Card className="p-5">
              <section aria-labelledby="contact-people-title">
                <h2 id="contact-people-title" className="text-base font-semibold text-slate-900">
                  {t("detail.people")} <span className="font-normal text-slate-500">({people.length})</span>
                </h2>
                {people.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-500">{t("detail.noPeople")}</p>
                ) : (
                  <ul className="mt-3 divide-y divide-slate-100">
                    {people.map((p) => (
                      <li key={p.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 py-2 text-sm">
                        <Link href={`/contacts/${p.id}`} className="font-medium break-words text-brand-700 hover:underline">
                          {p.name}
                        </Link>
                        {p.emails[0] && (
                          <a href={`mailto:${p.emails[0]}`} className="break-all text-slate-600 hover:underline">
                            {p.emails[0]}
                          </a>
                        )}
                        {p.phones[0] && (
                          <a href={telHref(p.phones[0])} className="text-slate-600 hover:underline">
                            {p.phones[0]}
                          </a>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </Card>
          )}
        </div>
        <div className="min-w-0">
          <ContactDetailsPanel page={{ contact, company }} canEdit={can(actor, "contacts.update")} />
        </div>
      </div>
    </>
  );
}
