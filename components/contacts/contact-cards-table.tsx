import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LinkPendingHint } from "@/components/shell/navigation-feedback";
import { Card } from "@/components/ui/card";
import type { ContactCard } from "@/lib/contacts/get-contact-page";

/** A status as a pill with its colour as a dot (the text stays dark, whatever the colour). */
export function StatusBadge({ name, color }: { name: string; color: string }) {
  const safe = /^#[0-9a-f]{3,8}$/i.test(color) ? color : "#64748b";
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap text-slate-800" style={{ borderColor: safe, backgroundColor: `${safe}1a` }}>
      <span className="size-2 rounded-full" style={{ backgroundColor: safe }} aria-hidden />
      {name}
    </span>
  );
}

/** Every card of a contact across modules (already scoped to what the viewer may see). */
export async function ContactCardsTable({ cards }: { cards: ContactCard[] }) {
  const t = await getTranslations("contacts.detail");
  return (
    <Card className="overflow-hidden">
      <section aria-labelledby="contact-cards-title">
        <div className="border-b border-slate-200 px-5 py-4">
          <h2 id="contact-cards-title" className="text-base font-semibold text-slate-900">
            {t("cards")} <span className="font-normal text-slate-500">({cards.length})</span>
          </h2>
          <p className="text-sm text-slate-600">{t("cardsDescription")}</p>
        </div>
        {cards.length === 0 ? (
          <p className="px-5 py-6 text-sm text-slate-500">{t("noCards")}</p>
        ) : (
          // A table from md up; on a phone each card stacks (roles spelled out, as the display changes).
          <div className="md:overflow-x-auto">
            <table role="table" className="block w-full text-left text-sm md:table">
              <caption className="sr-only">{t("cards")}</caption>
              <thead role="rowgroup" className="sr-only bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase md:not-sr-only md:table-header-group">
                <tr role="row">
                  <th role="columnheader" scope="col" className="px-5 py-2.5">
                    {t("cardName")}
                  </th>
                  <th role="columnheader" scope="col" className="px-5 py-2.5">
                    {t("module")}
                  </th>
                  <th role="columnheader" scope="col" className="px-5 py-2.5">
                    {t("status")}
                  </th>
                  <th role="columnheader" scope="col" className="px-5 py-2.5">
                    {t("owner")}
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup" className="block divide-y divide-slate-100 md:table-row-group *:flex *:flex-wrap *:items-center *:gap-x-3 *:gap-y-1 *:px-5 *:py-3 md:*:table-row md:[&>tr>*]:px-5 md:[&>tr>*]:py-3">
                {cards.map((card) => (
                  <tr key={card.id} role="row">
                    <th role="rowheader" scope="row" className="w-full font-normal md:w-auto">
                      <Link href={`/cards/${card.id}`} className="relative font-medium break-words text-brand-700 hover:underline">
                        {card.name}
                        <LinkPendingHint className="inset-x-0 -bottom-0.5" />
                      </Link>
                    </th>
                    <td role="cell" className="text-slate-700">
                      {card.moduleName}
                    </td>
                    <td role="cell">
                      <StatusBadge name={card.statusName} color={card.statusColor} />
                    </td>
                    <td role="cell" className="text-slate-700">
                      {card.ownerName ?? <span className="text-slate-500">{t("noOwner")}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Card>
  );
}
