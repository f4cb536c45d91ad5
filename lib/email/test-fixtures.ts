import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cardContacts, cards, contacts, emailTemplates, users } from "@/db/schema";
import type { seedCrm } from "@/test/crm-fixtures";

type Crm = Awaited<ReturnType<typeof seedCrm>>;

/**
 * For email tests: a card of the test module owned by `ownerId`, with a company (Acme Kft.) and a
 * person (Kovács Éva, two addresses) linked, a Budget and a Source filled, the Website left empty.
 */
export async function seedEmailCard(db: Db, crm: Crm, { ownerId, name = "Acme deal" }: { ownerId: string | null; name?: string }) {
  const [company] = await db
    .insert(contacts)
    .values({ kind: "company", name: "Acme Kft.", taxNumber: "12345678-2-42", address: "Budapest, Fő utca 1.", website: "https://acme.example", emails: ["info@acme.example"] })
    .returning();
  const [person] = await db
    .insert(contacts)
    .values({
      kind: "person",
      name: "Kovács Éva",
      firstName: "Éva",
      lastName: "Kovács",
      companyId: company.id,
      emails: ["eva@acme.example", "eva.kovacs@mail.example"],
      phones: ["+36 1 234 5678"],
    })
    .returning();
  const [card] = await db
    .insert(cards)
    .values({
      moduleId: crm.module.id,
      statusId: crm.statuses.offer.id,
      ownerId,
      name,
      values: { [crm.fields.budget.id]: { amount: 1500000, currency: "HUF" }, [crm.fields.source.id]: "fair" },
    })
    .returning();
  await db.insert(cardContacts).values([
    { cardId: card.id, contactId: person.id, position: 0 },
    { cardId: card.id, contactId: company.id, position: 1 },
  ]);
  return { card, person, company };
}

/** A template of the test module, written straight into the table (the templates helper's verbs check it). */
export async function seedEmailTemplate(db: Db, moduleId: string, values: Partial<typeof emailTemplates.$inferInsert> = {}) {
  const [template] = await db
    .insert(emailTemplates)
    .values({ moduleId, name: "Offer", subject: "Offer for {{card.name}}", bodyHtml: "<p>Dear {{person.firstName}},</p><p>about {{card.name}}</p>", ...values })
    .returning();
  return template;
}

export const setSignature = (db: Db, userId: string, emailSignature: string) => db.update(users).set({ emailSignature }).where(eq(users.id, userId));
