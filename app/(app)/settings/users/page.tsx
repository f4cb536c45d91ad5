import { getTranslations } from "next-intl/server";
import { InviteUserForm } from "@/components/settings/invite-user-form";
import { UsersTable } from "@/components/settings/users-table";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { roles } from "@/db/schema";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { listGroups } from "@/lib/groups/list-groups";
import { listHandOverCounts } from "@/lib/users/list-hand-over-counts";
import { listUsers } from "@/lib/users/list-users";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.users"))("title") };
}

export default async function UsersSettingsPage() {
  const actor = await requirePermission("settings.view");
  const ctx = { actor, db: await getDb(), now: systemClock.now() };
  const [users, groups, handOverCounts, t] = await Promise.all([
    listUsers(ctx),
    listGroups(ctx),
    listHandOverCounts(ctx),
    getTranslations("settings.users"),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-8">
        <InviteUserForm roles={roles} groups={groups.filter((g) => !g.archivedAt).map((g) => ({ id: g.id, name: g.name }))} />
        <UsersTable users={users} roles={roles} actorId={actor.id} now={ctx.now} handOverCounts={handOverCounts} />
      </div>
    </>
  );
}
