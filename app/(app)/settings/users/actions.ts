"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { changeUserRole, changeUserRoleSchema } from "@/lib/users/change-user-role";
import { deactivateUser, deactivateUserSchema } from "@/lib/users/deactivate-user";
import { inviteUser, inviteUserSchema } from "@/lib/users/invite-user";
import { issuePasswordReset } from "@/lib/users/issue-password-reset";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { reissueInvitation } from "@/lib/users/reissue-invitation";
import { userIdInputSchema } from "@/lib/users/schemas";

const revalidate = () => {
  revalidatePath("/settings/users");
  revalidatePath("/settings/groups");
};

export const inviteUserAction = authedAction({ schema: inviteUserSchema, permission: "users.invite" }, async (ctx, input) => {
  const result = await inviteUser(ctx, input);
  revalidate();
  return result;
});

export const reissueInvitationAction = authedAction({ schema: userIdInputSchema, permission: "users.invite" }, async (ctx, input) => {
  const result = await reissueInvitation(ctx, input);
  revalidate();
  return result;
});

export const changeUserRoleAction = authedAction({ schema: changeUserRoleSchema, permission: "users.change_role" }, async (ctx, input) => {
  const result = await changeUserRole(ctx, input);
  revalidate();
  return result;
});

export const deactivateUserAction = authedAction({ schema: deactivateUserSchema, permission: "users.deactivate" }, async (ctx, input) => {
  const { userId, changed, handOver } = await deactivateUser(ctx, input);
  revalidate();
  // Counts only: the ids of a large book of cards need not travel to the browser.
  const handedOver = handOver && { cards: handOver.cards.length, todos: handOver.todos.length, automations: handOver.automations.length };
  return { userId, changed, handedOver };
});

export const reactivateUserAction = authedAction({ schema: userIdInputSchema, permission: "users.reactivate" }, async (ctx, input) => {
  const result = await reactivateUser(ctx, input);
  revalidate();
  return result;
});

export const issuePasswordResetAction = authedAction({ schema: userIdInputSchema, permission: "users.reset_password" }, async (ctx, input) => {
  const result = await issuePasswordReset(ctx, input);
  revalidate();
  return result;
});
