import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { ContactCard } from "@/lib/contacts/get-contact-page";

/** A status as a pill with its colour as a dot (the text stays dark, whatever the colour). */
export function StatusBadge({ name, color }: { name: string; color: string }) {
  const safe = /^#[0-9a-f]{3,8}$/i.test(color) ? color : "#64748b";
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium text-slate-800" style={{ borderColor: safe, backgroundColor: `${safe}1a` }}>
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
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("cards")}</caption>
              <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-5 py-2.5">
                    {t("cardName")}
                  </th>
                  <th scope="col" className="px-5 py-2.5">
                    {t("module")}
                  </th>
                  <th scope="col" className="px-5 py-2.5">
                    {t("status")}
                  </th>
                  <th scope="col" className="px-5 py-2.5">
                    {t("owner")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {cards.map((card) => (
                  <tr key={card.id}>
                    <th scope="row" className="px-5 py-3 font-normal">
                      <Link href={`/cards/${card.id}`} className="font-medium text-brand-700 hover:underline">
                        {card.name}
                      </Link>
                    </th>
                    <td className="px-5 py-3 text-slate-700">{card.moduleName}</td>
                    <td className="px-5 py-3">
                      <StatusBadge name={card.statusName} color={card.statusColor} />
                    </td>
                    <td className="px-5 py-3 text-slate-700">{card.ownerName ?? <span className="text-slate-500">{t("noOwner")}</span>}</td>
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
