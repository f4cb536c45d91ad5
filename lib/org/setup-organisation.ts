import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { organisation, users } from "@/db/schema";
import { hashPassword, passwordSchema } from "@/lib/auth/password";
import { conflict } from "@/lib/errors";
import { locales, timeZoneSchema } from "./organisation";

export const setupSchema = z.object({
  organisationName: z.string().trim().min(1, "required").max(200, "too_long"),
  timeZone: timeZoneSchema,
  defaultLocale: z.enum(locales, "invalid_input"),
  firstName: z.string().trim().min(1, "required").max(100, "too_long"),
  lastName: z.string().trim().min(1, "required").max(100, "too_long"),
  email: z.email("invalid_email").trim().toLowerCase().max(320, "too_long"),
  password: passwordSchema,
});
export type SetupInput = z.infer<typeof setupSchema>;

/**
 * First run: creates the organisation and its first admin. Refused once an organisation exists;
 * the singleton row and the lock make two simultaneous attempts end with exactly one winner.
 */
export async function setupOrganisation(db: Db, input: SetupInput): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${organisation} in exclusive mode`);
    const inserted = await tx
      .insert(organisation)
      .values({ id: 1, name: input.organisationName, timeZone: input.timeZone, defaultLocale: input.defaultLocale })
      .onConflictDoNothing()
      .returning({ id: organisation.id });
    if (inserted.length === 0) throw conflict("setup_done");
    const [admin] = await tx
      .insert(users)
      .values({
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        role: "admin",
        locale: input.defaultLocale,
        passwordHash,
      })
      .returning({ id: users.id });
    return { userId: admin.id };
  });
}
