import type { contacts } from "@/db/schema";
import { address, companyDomain, companyName, personName, phoneNumber, slug, taxNumber, type Country } from "./names";
import type { Rng } from "./random";

export type DemoContact = typeof contacts.$inferInsert & { id: string; name: string; emails: string[]; website: string };
export type DemoCompany = { company: DemoContact; people: DemoContact[]; country: Country };

const mailbox: Record<Country, string[]> = {
  hu: ["info", "iroda", "hello", "ertekesites"],
  ro: ["office", "contact", "vanzari"],
  bg: ["office", "info", "sales"],
  pt: ["geral", "info", "comercial"],
};

/**
 * A company with one to three contact people, local names and formats. `taken` keeps company names
 * unique across calls (a demo with two identical companies only confuses); now and then a company
 * gets one of `notes` (in the organisation's language).
 */
export function makeCompany(country: Country, rng: Rng, taken: Set<string>, notes: string[]): DemoCompany {
  let name = companyName(country, rng);
  for (let i = 0; taken.has(name) && i < 20; i++) name = companyName(country, rng);
  if (taken.has(name)) name = `${name} ${taken.size}`;
  taken.add(name);
  const domain = companyDomain(name, country);
  const company: DemoContact = {
    id: rng.uuid(),
    kind: "company",
    name,
    emails: [`${rng.pick(mailbox[country])}@${domain}`],
    phones: [phoneNumber(country, rng, false)],
    address: address(country, rng),
    taxNumber: taxNumber(country, rng),
    website: `https://www.${domain}`,
    notes: rng.chance(0.15) ? rng.pick(notes) : "",
  };
  const people: DemoContact[] = [];
  const emails = new Set<string>();
  const count = rng.weighted([[1, 6], [2, 3], [3, 1]] as const);
  for (let i = 0; i < count; i++) {
    const who = personName(country, rng);
    const email = `${slug(who.firstName)}.${slug(who.lastName, "")}@${domain}`;
    if (emails.has(email)) continue;
    emails.add(email);
    people.push({
      id: rng.uuid(),
      kind: "person",
      name: `${who.lastName} ${who.firstName}`,
      firstName: who.firstName,
      lastName: who.lastName,
      companyId: company.id,
      emails: [email],
      phones: rng.chance(0.85) ? [phoneNumber(country, rng, true)] : [],
      address: "",
      taxNumber: "",
      website: "",
      notes: "",
    });
  }
  return { company, people, country };
}
