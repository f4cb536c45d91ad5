import { z } from "zod";
import { groupMembers, users, type Role } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden } from "@/lib/errors";
import { assertActiveGroups } from "@/lib/groups/assert-active-groups";
import { emailSchema, idListSchema, personNameSchema, roleSchema } from "./schemas";
import { emailUserLink } from "./email-user-link";

export const inviteUserSchema = z.object({
  email: emailSchema,
  lastName: personNameSchema,
  firstName: personNameSchema,
  role: roleSchema,
  groupIds: idListSchema,
});
export type InviteUserInput = z.input<typeof inviteUserSchema>;

export type InviteUserResult = { userId: string; email: string; role: Role; linkPath: string; expiresAt: Date; emailId: string };

/**
 * Creates a user without a password, and an invitation link (valid 7 days) where they set one.
 * The link is emailed to them (queued with the user, delivered by the job runner or kept in the
 * outbox) and shown to the admin too, who can pass it on.
 */
export async function inviteUser(ctx: Ctx, input: InviteUserInput): Promise<InviteUserResult> {
  if (!can(ctx.actor, "users.invite")) throw forbidden();
  const data = inviteUserSchema.parse(input);
  const result = await ctx.db.transaction(async (tx) => {
    await assertActiveGroups(tx, data.groupIds);
    // The unique index on lower(email) decides, so two simultaneous invitations cannot both win.
    const [user] = await tx
      .insert(users)
      .values({
        email: data.email,
        lastName: data.lastName,
        firstName: data.firstName,
        role: data.role,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) throw conflict("email_taken", { email: "email_taken" });
    if (data.groupIds.length > 0) {
      await tx.insert(groupMembers).values(data.groupIds.map((groupId) => ({ groupId, userId: user.id })));
    }
    const link = await emailUserLink(tx, { id: user.id, email: data.email, firstName: data.firstName, lastName: data.lastName, locale: null }, "invitation", {
      actorId: ctx.actor.id,
      now: ctx.now,
    });
    return { userId: user.id, email: data.email, role: data.role, ...link };
  });
  return result;
}
