"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import {
  changeUserRoleAction,
  deactivateUserAction,
  issuePasswordResetAction,
  reactivateUserAction,
  reissueInvitationAction,
} from "@/app/(app)/settings/users/actions";
import { Badge } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage, type FormState, useFormAction } from "@/components/ui/form";
import { Select } from "@/components/ui/input";
import type { Role } from "@/db/schema/users";
import type { HandOverCounts } from "@/lib/users/list-hand-over-counts";
import type { UserListItem } from "@/lib/users/list-users";
import { CopyLink } from "./copy-link";
import { DeactivateUserDialog, type Colleague } from "./deactivate-user-dialog";
import { PendingButton } from "./pending-button";

export const fullName = (u: { lastName: string; firstName: string; email: string }) => `${u.lastName} ${u.firstName}`.trim() || u.email;

type Props = {
  user: UserListItem;
  roles: readonly Role[];
  isSelf: boolean;
  now: Date;
  columnCount: number;
  /** What deactivating them would hand over, and to whom it can go (active users but them). */
  handOver: { counts: HandOverCounts | undefined; colleagues: Colleague[] };
};

const noWork: HandOverCounts = { cards: 0, todos: 0, automations: 0 };

export function UserRow({ user, roles, isSelf, now, columnCount, handOver }: Props) {
  const t = useTranslations("settings.users");
  const cancel = useTranslations("settings.confirm")("cancel");
  const format = useFormatter();
  const name = fullName(user);
  const role = useFormAction(changeUserRoleAction);
  // One form state for both directions, so the outcome stays shown after the row flips to the other one.
  const access = useFormAction(async (prev: unknown, input: { userId: string; handOverToId?: string; reactivate?: boolean }) => {
    if (input.reactivate) return reactivateUserAction(prev, { userId: input.userId });
    return deactivateUserAction(prev, { userId: input.userId, handOverToId: input.handOverToId });
  });
  const link = useFormAction(user.status === "invited" ? reissueInvitationAction : issuePasswordResetAction);
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });

  const invitationExpired = user.status === "invited" && (!user.invitationExpiresAt || user.invitationExpiresAt <= now);
  const badge =
    user.status === "deactivated" ? (
      <Badge tone="slate">{t("status.deactivated")}</Badge>
    ) : invitationExpired ? (
      <Badge tone="red">{t("status.invitationExpired")}</Badge>
    ) : user.status === "invited" ? (
      <Badge tone="amber">{t("status.invited")}</Badge>
    ) : (
      <Badge tone="green">{t("status.active")}</Badge>
    );

  // Only the outcome of the row's latest action is shown: an earlier link may have been voided since.
  const [latest, setLatest] = useState<"role" | "access" | "link" | null>(null);
  const [colleague, setColleague] = useState<string | null>(null);
  const feedback: Record<"role" | "access" | "link", { state: FormState; success?: string }> = {
    role: { state: role.state, success: t("roleSaved", { name }) },
    access: { state: access.state, success: accessSuccess() },
    link: { state: link.state },
  };
  const shown = latest ? feedback[latest] : null;
  const issued = latest === "link" && link.state?.ok ? link.state.data : null;
  const hasFeedback = shown?.state && (!shown.state.ok || shown.success || issued);
  const issueLink = () => {
    setLatest("link");
    link.run({ userId: user.id });
  };
  const toggleAccess = (handOverToId?: string) => {
    setLatest("access");
    setColleague(handOver.colleagues.find((c) => c.id === handOverToId)?.name ?? null);
    access.run({ userId: user.id, handOverToId, reactivate: user.status === "deactivated" });
  };
  function accessSuccess() {
    if (user.status !== "deactivated") return t("reactivated", { name });
    const data = access.state?.ok ? access.state.data : null;
    const moved = data && "handedOver" in data ? data.handedOver : null;
    return moved && colleague ? t("deactivatedHandedOver", { name, colleague, ...moved }) : t("deactivated", { name });
  }

  return (
    <>
      <tr className={user.status === "deactivated" ? "bg-slate-50/60 text-slate-500" : undefined}>
        <th scope="row" className="px-4 py-3 text-left font-normal whitespace-nowrap">
          <span className={user.status === "deactivated" ? "font-medium text-slate-600" : "font-medium text-slate-900"}>{name}</span>
          {isSelf && <span className="ml-2 text-xs text-slate-500">({t("you")})</span>}
          <span className="block text-xs text-slate-500">{user.email}</span>
        </th>
        <td className="px-4 py-3">
          <RoleForm key={user.role} userId={user.id} name={name} current={user.role} roles={roles} form={role} onSubmit={() => setLatest("role")} />
        </td>
        <td className="min-w-28 px-4 py-3">
          {user.groups.length > 0 ? user.groups.map((g) => g.name).join(", ") : <span className="whitespace-nowrap text-slate-500">{t("noGroup")}</span>}
        </td>
        <td className="px-4 py-3 whitespace-nowrap">
          {badge}
          {user.deactivatedAt && (
            <span className="mt-0.5 block text-xs text-slate-500">{t("deactivatedOn", { date: format.dateTime(user.deactivatedAt, { dateStyle: "medium" }) })}</span>
          )}
        </td>
        <td className="px-4 py-3 whitespace-nowrap">{format.dateTime(user.createdAt, { dateStyle: "medium" })}</td>
        <td className="px-4 py-3">
          <div className="flex flex-wrap gap-2 whitespace-nowrap">
            {user.status !== "deactivated" && (
              <PendingButton type="button" size="sm" variant="secondary" pending={link.pending} onClick={issueLink}>
                {t(user.status === "invited" ? "newInvitationLink" : "resetLink")}
              </PendingButton>
            )}
            {user.status === "deactivated" ? (
              <ConfirmDialog
                triggerLabel={t("reactivate")}
                title={t("reactivateTitle", { name })}
                confirmLabel={t("reactivate")}
                cancelLabel={cancel}
                disabled={access.pending}
                onConfirm={() => toggleAccess()}
              >
                {t("reactivateBody", { name })}
              </ConfirmDialog>
            ) : (
              !isSelf && (
                <DeactivateUserDialog
                  name={name}
                  counts={handOver.counts ?? noWork}
                  colleagues={handOver.colleagues}
                  disabled={access.pending}
                  onConfirm={toggleAccess}
                />
              )
            )}
          </div>
        </td>
      </tr>
      {hasFeedback && (
        <tr>
          <td colSpan={columnCount} className="space-y-2 bg-slate-50 px-4 py-3">
            <FormMessage state={shown.state} success={shown.success} />
            {issued && (
              <CopyLink
                label={t(user.status === "invited" ? "invitationLinkLabel" : "resetLinkLabel", { name })}
                path={issued.linkPath}
                hint={t(user.status === "invited" ? "invitationLinkHint" : "resetLinkHint", { name, expiresAt: dateTime(issued.expiresAt) })}
              />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function RoleForm({
  userId,
  name,
  current,
  roles,
  form,
  onSubmit,
}: {
  userId: string;
  name: string;
  current: Role;
  roles: readonly Role[];
  form: Pick<ReturnType<typeof useFormAction>, "state" | "pending" | "formRef" | "onSubmit">;
  onSubmit: () => void;
}) {
  const t = useTranslations("settings.users");
  const tr = useTranslations("common.roles");
  const id = useId();
  const [role, setRole] = useState(current);
  return (
    <form
      onSubmit={(event) => {
        onSubmit();
        form.onSubmit(event);
      }}
      className="flex items-center gap-2"
    >
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        {t("roleLabel", { name })}
      </label>
      <Select id={id} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} className="h-8 w-auto min-w-40">
        {roles.map((r) => (
          <option key={r} value={r}>
            {tr(r)}
          </option>
        ))}
      </Select>
      {role !== current && (
        <PendingButton size="sm" pending={form.pending}>
          {t("saveRole")}
        </PendingButton>
      )}
    </form>
  );
}
