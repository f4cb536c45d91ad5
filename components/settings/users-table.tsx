"use client";

import { useTranslations } from "next-intl";
import type { Role } from "@/db/schema/users";
import type { HandOverCounts } from "@/lib/users/list-hand-over-counts";
import type { UserListItem } from "@/lib/users/list-users";
import { Card } from "@/components/ui/card";
import { fullName, UserRow } from "./user-row";

export function UsersTable({
  users,
  roles,
  actorId,
  now,
  handOverCounts,
}: {
  users: UserListItem[];
  roles: readonly Role[];
  actorId: string;
  now: Date;
  /** Per user: what deactivating them would hand over (lib/users/list-hand-over-counts.ts). */
  handOverCounts: Record<string, HandOverCounts>;
}) {
  const t = useTranslations("settings.users");
  const active = users.filter((u) => u.status !== "deactivated").map((u) => ({ id: u.id, name: fullName(u) }));
  const columns = ["name", "role", "groups", "status", "created", "actions"] as const;
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("tableCaption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-3 whitespace-nowrap">
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              roles={roles}
              isSelf={user.id === actorId}
              now={now}
              columnCount={columns.length}
              handOver={{ counts: handOverCounts[user.id], colleagues: active.filter((c) => c.id !== user.id) }}
            />
          ))}
        </tbody>
      </table>
    </Card>
  );
}
