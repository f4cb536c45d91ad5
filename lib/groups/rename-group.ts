import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { groups } from "@/db/schema";
import { isUniqueViolation } from "@/db/unique-violation";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { idSchema } from "@/lib/users/schemas";
import { groupNameSchema } from "./schemas";
import { keepReportCalendars, membersOf } from "@/lib/reports/keep-report-calendars";

export const renameGroupSchema = z.object({ groupId: idSchema, name: groupNameSchema });
export type RenameGroupInput = z.input<typeof renameGroupSchema>;

/** Renames a group (a change of case only is fine); another group's name is "group_name_taken". */
export async function renameGroup(
  ctx: Ctx,
  input: RenameGroupInput,
): Promise<{ groupId: string; name: string; previousName: string }> {
  if (!can(ctx.actor, "groups.manage")) throw forbidden();
  const { groupId, name } = renameGroupSchema.parse(input);
  const taken = () => conflict("group_name_taken", { name: "group_name_taken" });
  try {
    return await ctx.db.transaction(async (tx) => {
      const [group] = await tx.select({ name: groups.name }).from(groups).where(eq(groups.id, groupId)).for("update");
      if (!group) throw notFound();
      const [other] = await tx
        .select({ id: groups.id })
        .from(groups)
        .where(and(eq(sql`lower(${groups.name})`, name.toLowerCase()), ne(groups.id, groupId)));
      if (other) throw taken();
      // Which of a person's groups gives their calendar goes by name: a rename can change it.
      await keepReportCalendars(tx, await membersOf(tx, groupId), () => tx.update(groups).set({ name }).where(eq(groups.id, groupId)));
      return { groupId, name, previousName: group.name };
    });
  } catch (error) {
    // Another rename or creation took the name between the check and the update.
    if (isUniqueViolation(error, "groups_name_unique")) throw taken();
    throw error;
  }
}
