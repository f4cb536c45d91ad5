import { getTranslations } from "next-intl/server";
import { CreateGroupForm } from "@/components/settings/create-group-form";
import { GroupCard, type MemberCandidate } from "@/components/settings/group-card";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { listGroups } from "@/lib/groups/list-groups";
import { getOrganisation } from "@/lib/org/organisation";
import { listUsers } from "@/lib/users/list-users";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.groups"))("title") };
}

export default async function GroupsSettingsPage() {
  const actor = await requirePermission("settings.view");
  const ctx = { actor, db: await getDb(), now: systemClock.now() };
  const [groups, users, org, t] = await Promise.all([listGroups(ctx), listUsers(ctx), getOrganisation(ctx.db), getTranslations("settings.groups")]);
  const calendar = { timeZones: Intl.supportedValuesOf("timeZone"), organisationTimeZone: org?.timeZone ?? "UTC" };
  const candidates: MemberCandidate[] = users.map((u) => ({
    id: u.id,
    lastName: u.lastName,
    firstName: u.firstName,
    email: u.email,
    deactivated: u.status === "deactivated",
  }));
  const active = groups.filter((g) => !g.archivedAt);
  const archived = groups.filter((g) => g.archivedAt);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-8">
        <CreateGroupForm />
        {groups.length === 0 ? (
          <EmptyState title={t("emptyTitle")} icon={<GroupIcon />}>
            {t("emptyBody")}
          </EmptyState>
        ) : (
          <>
            {active.length > 0 && (
              <section aria-labelledby="groups-active" className="space-y-3">
                <h2 id="groups-active" className="sr-only">
                  {t("listLabel")}
                </h2>
                {active.map((group) => (
                  <GroupCard key={group.id} group={group} candidates={candidates} calendar={calendar} />
                ))}
              </section>
            )}
            {archived.length > 0 && (
              <section aria-labelledby="groups-archived" className="space-y-3">
                <div>
                  <h2 id="groups-archived" className="text-lg font-semibold text-slate-900">
                    {t("archivedTitle")}
                  </h2>
                  <p className="text-sm text-slate-600">{t("archivedHint")}</p>
                </div>
                {archived.map((group) => (
                  <GroupCard key={group.id} group={group} candidates={candidates} calendar={calendar} />
                ))}
              </section>
            )}
          </>
        )}
      </div>
    </>
  );
}

function GroupIcon() {
  return (
    <svg className="size-10" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path
        d="M18 18.72a9.09 9.09 0 0 0 3.74-.48 3 3 0 0 0-4.68-2.72M18 18.72v.03c0 .22-.01.45-.04.67A11.94 11.94 0 0 1 12 21c-2.17 0-4.2-.58-5.96-1.58a6.06 6.06 0 0 1-.04-.7m12 0a5.97 5.97 0 0 0-.94-3.2M6 18.72a9.09 9.09 0 0 1-3.74-.48 3 3 0 0 1 4.68-2.72M6 18.72a5.97 5.97 0 0 1 .94-3.2m0 0A5.99 5.99 0 0 1 12 12.75a5.99 5.99 0 0 1 5.06 2.77M15 6.75a3 3 0 1 1-6 0 3 3 0 0 1 6 0Zm6 3a2.25 2.25 0 1 1-4.5 0 2.25 2.25 0 0 1 4.5 0Zm-13.5 0a2.25 2.25 0 1 1-4.5 0 2.25 2.25 0 0 1 4.5 0Z"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
