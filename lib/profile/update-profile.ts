import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import { locales } from "@/lib/org/organisation";
import { emailSignatureMaxLength } from "./rules";

const name = z.string("required").trim().min(1, "required").max(100, "too_long");

/**
 * The editable details of a profile. Every field is optional so each section of the profile page
 * saves only its own fields; a field that is sent must be valid.
 */
export const updateProfileSchema = z
  .object({
    lastName: name,
    firstName: name,
    // Plain text with line breaks; browsers send CRLF, stored as LF so the length is what the user sees.
    emailSignature: z
      .string("invalid_input")
      .overwrite((s) => s.replace(/\r\n?/g, "\n").trimEnd())
      .max(emailSignatureMaxLength, "too_long"),
    locale: z.enum(locales, "invalid_input"),
  })
  .partial();
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

export type ProfileField = keyof z.output<typeof updateProfileSchema>;

/** Saves a user's own name, email signature and language. Returns the fields whose value changed. */
export async function updateProfile(
  ctx: Ctx,
  input: { userId: string } & UpdateProfileInput,
): Promise<{ userId: string; changed: ProfileField[] }> {
  const { userId, ...fields } = input;
  if (!can(ctx.actor, "profile.update", { userId })) throw forbidden();
  const values = updateProfileSchema.parse(fields);

  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ lastName: users.lastName, firstName: users.firstName, emailSignature: users.emailSignature, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deactivatedAt)))
      .for("update");
    if (!before) throw notFound();
    const changed = (Object.keys(values) as ProfileField[]).filter((key) => values[key] !== before[key]);
    if (changed.length > 0) {
      await tx
        .update(users)
        .set({ ...Object.fromEntries(changed.map((key) => [key, values[key]])), updatedAt: ctx.now })
        .where(eq(users.id, userId));
    }
    return { userId, changed };
  });
}
