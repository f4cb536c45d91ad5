import { asc, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, groups, modules, statuses, users, type StatusGroup } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { forbidden, invalid } from "@/lib/errors";
import type { ReportInput } from "./report-input";

export type ReportUser = {
  id: string;
  name: string;
  deactivated: boolean;
  groupIds: string[];
};
export type ReportModule = {
  id: string;
  name: string;
  statuses: { id: string; name: string; group: StatusGroup; color: string }[];
};
export type ReportScope = {
  users: ReportUser[];
  groups: { id: string; name: string }[];
  modules: ReportModule[];
  /** Every module and group the actor may pick (the form's choices). */
  choices: {
    modules: { id: string; name: string }[];
    groups: { id: string; name: string }[];
  };
  /** Cards owned by nobody count in a row of their own, for those who see the whole organisation. */
  unassigned: boolean;
};

/**
 * Who and what a report may count (SPEC §1, §12): admins and managers everyone; a group manager the
 * members of their groups (and themselves). A module or group that does not exist is refused; a
 * group manager asking for another group is forbidden — not quietly left out.
 */
export async function resolveReportScope(db: Db, actor: Actor, input: Pick<ReportInput, "module" | "group">): Promise<ReportScope> {
  if (!can(actor, "reports.view")) throw forbidden();
  const scoped = actor.role === "group_manager";
  const [moduleRows, groupRows] = await Promise.all([
    db.select({ id: modules.id, name: modules.name }).from(modules).where(isNull(modules.archivedAt)).orderBy(asc(modules.position), asc(modules.name)),
    db.select({ id: groups.id, name: groups.name }).from(groups).where(isNull(groups.archivedAt)).orderBy(asc(groups.name)),
  ]);
  const visibleGroups = scoped ? groupRows.filter((g) => actor.groupIds.includes(g.id)) : groupRows;
  for (const id of input.module)
    if (!moduleRows.some((m) => m.id === id))
      throw invalid("report_unknown_module", {
        module: "report_unknown_module",
      });
  for (const id of input.group) {
    if (!groupRows.some((g) => g.id === id)) throw invalid("report_unknown_group", { group: "report_unknown_group" });
    if (!visibleGroups.some((g) => g.id === id)) throw forbidden("report_group_forbidden");
  }
  const chosenModules = input.module.length ? moduleRows.filter((m) => input.module.includes(m.id)) : moduleRows;
  const chosenGroups = input.group.length ? visibleGroups.filter((g) => input.group.includes(g.id)) : visibleGroups;

  const [statusRows, memberRows] = await Promise.all([
    chosenModules.length
      ? db
          .select({
            id: statuses.id,
            moduleId: statuses.moduleId,
            name: statuses.name,
            group: statuses.group,
            color: statuses.color,
          })
          .from(statuses)
          .where(
            inArray(
              statuses.moduleId,
              chosenModules.map((m) => m.id),
            ),
          )
          .orderBy(asc(statuses.position), asc(statuses.name))
      : [],
    db.select({ userId: groupMembers.userId, groupId: groupMembers.groupId }).from(groupMembers),
  ]);
  const chosenGroupIds = new Set(chosenGroups.map((g) => g.id));
  const visibleGroupIds = new Set(visibleGroups.map((g) => g.id));
  const groupsOf = new Map<string, string[]>();
  for (const m of memberRows) if (visibleGroupIds.has(m.groupId)) groupsOf.set(m.userId, [...(groupsOf.get(m.userId) ?? []), m.groupId]);

  const userRows = await db
    .select({
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(scoped ? inArray(users.id, [actor.id, ...groupsOf.keys()]) : undefined)
    .orderBy(asc(users.lastName), asc(users.firstName), asc(users.id));
  const inChosenGroup = (userId: string) => (groupsOf.get(userId) ?? []).some((g) => chosenGroupIds.has(g));
  const filtered = userRows.filter((u) => (input.group.length ? inChosenGroup(u.id) : !scoped || inChosenGroup(u.id) || u.id === actor.id));
  return {
    users: filtered.map((u) => ({
      id: u.id,
      name: `${u.lastName} ${u.firstName}`.trim() || u.email,
      deactivated: u.deactivatedAt !== null,
      groupIds: (groupsOf.get(u.id) ?? []).filter((g) => chosenGroupIds.has(g)),
    })),
    groups: chosenGroups,
    modules: chosenModules.map((m) => ({
      ...m,
      statuses: statusRows
        .filter((s) => s.moduleId === m.id)
        .map((s) => ({
          id: s.id,
          name: s.name,
          group: s.group,
          color: s.color,
        })),
    })),
    choices: { modules: moduleRows, groups: visibleGroups },
    unassigned: !scoped && input.group.length === 0,
  };
}
