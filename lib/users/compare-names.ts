/**
 * Sorting by people's and groups' names the way readers of the language expect ("Ács" before
 * "Kovács" in Hungarian), which the database's collation (often "C") does not do.
 */
export function nameCollator(locale: string | null | undefined): Intl.Collator {
  return new Intl.Collator(locale ?? "hu", { sensitivity: "base", numeric: true });
}

type Named = { lastName: string; firstName: string; email: string };

export function comparePeople(collator: Intl.Collator): (a: Named, b: Named) => number {
  return (a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName) || collator.compare(a.email, b.email);
}
