import { z } from "zod";
import { groups } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { conflict, forbidden } from "@/lib/errors";
import { groupNameSchema } from "./schemas";

export const createGroupSchema = z.object({ name: groupNameSchema });
export type CreateGroupInput = z.input<typeof createGroupSchema>;

/** A new, empty group. Names are unique whatever their case, archived groups included ("group_name_taken"). */
export async function createGroup(ctx: Ctx, input: CreateGroupInput): Promise<{ groupId: string; name: string }> {
  if (!can(ctx.actor, "groups.manage")) throw forbidden();
  const { name } = createGroupSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [group] = await tx.insert(groups).values({ name, createdAt: ctx.now }).onConflictDoNothing().returning({ id: groups.id });
    if (!group) throw conflict("group_name_taken", { name: "group_name_taken" });
    return { groupId: group.id, name };
  });
}
