import { and, asc, eq, gt, ilike } from "drizzle-orm";
import { z } from "zod";
import { emailSuppressions } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";

/** The suppression list (addresses that unsubscribed from bulk email), for admins (`email.admin`). */

export const listSuppressionsSchema = z.object({
  q: z.string().trim().max(254, "too_long").optional(),
  /** Keyset: addresses after this one. */
  after: z.string().max(254, "too_long").optional(),
  limit: z.coerce.number("invalid_input").int("invalid_input").min(1, "invalid_input").max(200, "invalid_input").default(50),
});

export const liftSuppressionSchema = z.object({ address: z.string("required").trim().toLowerCase().min(1, "required").max(254, "too_long") });

export type SuppressionRow = typeof emailSuppressions.$inferSelect;

export async function listSuppressions({ actor, db }: Ctx, raw: z.input<typeof listSuppressionsSchema>): Promise<{ rows: SuppressionRow[]; next: string | null }> {
  if (!can(actor, "email.admin")) throw forbidden();
  const input = listSuppressionsSchema.parse(raw);
  const escaped = input.q ? `%${input.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select()
    .from(emailSuppressions)
    .where(and(escaped ? ilike(emailSuppressions.address, escaped) : undefined, input.after ? gt(emailSuppressions.address, input.after) : undefined))
    .orderBy(asc(emailSuppressions.address))
    .limit(input.limit + 1);
  const more = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  return { rows: page, next: more ? page[page.length - 1].address : null };
}

/** Lifts a suppression: later bulk runs send to the address again. */
export async function liftSuppression({ actor, db }: Ctx, raw: z.input<typeof liftSuppressionSchema>): Promise<{ address: string }> {
  if (!can(actor, "email.admin")) throw forbidden();
  const input = liftSuppressionSchema.parse(raw);
  const [row] = await db.delete(emailSuppressions).where(eq(emailSuppressions.address, input.address)).returning({ address: emailSuppressions.address });
  if (!row) throw notFound("suppression_not_found");
  return row;
}
