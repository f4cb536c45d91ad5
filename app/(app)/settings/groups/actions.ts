"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { archiveGroup, restoreGroup } from "@/lib/groups/archive-group";
import { createGroup, createGroupSchema } from "@/lib/groups/create-group";
import { renameGroup, renameGroupSchema } from "@/lib/groups/rename-group";
import { groupIdInputSchema } from "@/lib/groups/schemas";
import { setGroupCalendar, setGroupCalendarSchema } from "@/lib/groups/set-group-calendar";
import { setGroupMembers, setGroupMembersSchema } from "@/lib/groups/set-group-members";

const revalidate = () => {
  revalidatePath("/settings/groups");
  revalidatePath("/settings/users");
};

export const createGroupAction = authedAction({ schema: createGroupSchema, permission: "groups.manage" }, async (ctx, input) => {
  const result = await createGroup(ctx, input);
  revalidate();
  return result;
});

export const renameGroupAction = authedAction({ schema: renameGroupSchema, permission: "groups.manage" }, async (ctx, input) => {
  const result = await renameGroup(ctx, input);
  revalidate();
  return result;
});

export const archiveGroupAction = authedAction({ schema: groupIdInputSchema, permission: "groups.manage" }, async (ctx, input) => {
  const result = await archiveGroup(ctx, input);
  revalidate();
  return result;
});

export const restoreGroupAction = authedAction({ schema: groupIdInputSchema, permission: "groups.manage" }, async (ctx, input) => {
  const result = await restoreGroup(ctx, input);
  revalidate();
  return result;
});

export const setGroupMembersAction = authedAction({ schema: setGroupMembersSchema, permission: "groups.manage" }, async (ctx, input) => {
  const result = await setGroupMembers(ctx, input);
  revalidate();
  return result;
});

export const setGroupCalendarAction = authedAction({ schema: setGroupCalendarSchema, permission: "groups.manage" }, async (ctx, input) => {
  const result = await setGroupCalendar(ctx, input);
  revalidate();
  return result;
});
