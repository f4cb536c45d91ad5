import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import { invalid } from "@/lib/errors";

/** A person's company must be an existing company that is not in the trash. */
export async function assertLiveCompany(tx: Db, companyId: string): Promise<void> {
  const [company] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.id, companyId), eq(contacts.kind, "company"), isNull(contacts.deletedAt)));
  if (!company) throw invalid("contact_company_invalid", { companyId: "contact_company_invalid" });
}
