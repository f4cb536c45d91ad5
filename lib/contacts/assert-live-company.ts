import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { invalid } from "@/lib/errors";
import { visibleContactsCondition } from "./scope";

/** A person's company must be an existing company, not in the trash, that the actor may see (a hidden one reads as not existing). */
export async function assertLiveCompany(tx: Db, actor: Pick<Actor, "id" | "role" | "groupIds">, companyId: string): Promise<void> {
  const [company] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.id, companyId), eq(contacts.kind, "company"), isNull(contacts.deletedAt), visibleContactsCondition(actor)));
  if (!company) throw invalid("contact_company_invalid", { companyId: "contact_company_invalid" });
}
