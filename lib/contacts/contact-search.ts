import { and, or, sql, type SQL } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { containsPattern, digitsOf, normaliseQuery, phoneLike, queryWords } from "@/lib/search/search-terms";

/**
 * What a contact search matches — the contact list and the global search share it. Every term must
 * match (so "Anna Kovács" finds "Kovács Anna"). A plain word matches the name (trigram index on
 * lower(name)); a term with "@" or "." also matches the emails; a number (3+ digits, spaces and
 * dashes allowed — the whole query counts as one number) also matches the phones, compared digit by
 * digit. Emails and phone digits have trigram indexes of their own (migration 0006), so none of
 * this reads the whole table.
 */
export function contactSearchCondition(q: string | null | undefined): SQL | undefined {
  const text = normaliseQuery(q);
  if (!text) return undefined;
  const wholeIsPhone = phoneLike.test(text) && digitsOf(text).length >= 3;
  const terms = wholeIsPhone ? [text] : queryWords(text);
  return and(
    ...terms.map((term) => {
      const alternatives: SQL[] = [];
      if (!wholeIsPhone) alternatives.push(sql`lower(${contacts.name}) like ${containsPattern(term)}`);
      if (/[@.]/.test(term)) alternatives.push(sql`contact_emails_text(${contacts.emails}) like ${containsPattern(term)}`);
      const digits = digitsOf(term);
      if (phoneLike.test(term) && digits.length >= 3) alternatives.push(sql`contact_phone_digits(${contacts.phones}) like ${containsPattern(digits)}`);
      return or(...alternatives)!;
    }),
  );
}
