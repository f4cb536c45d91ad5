import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LiveRefresh } from "@/components/live/live-provider";
import { MyTodos } from "@/components/todos/my-todos";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { getOrganisation } from "@/lib/org/organisation";
import { listMyTodos, todoGroups } from "@/lib/todos/list-my-todos";

export async function generateMetadata() {
  return { title: (await getTranslations("cards.myTodos"))("title") };
}

const expandedGroup = z.enum(todoGroups).nullable().catch(null);

export default async function MyTodosPage({ searchParams }: { searchParams: Promise<{ group?: string | string[] }> }) {
  const actor = await requirePermission("todos.view");
  const expanded = expandedGroup.parse((await searchParams).group ?? null);
  const db = await getDb();
  const now = systemClock.now();
  const timeZone = (await getOrganisation(db))?.timeZone ?? "Europe/Budapest";
  const [todos, t] = await Promise.all([listMyTodos(db, actor, { now, timeZone, expandedGroup: expanded }), getTranslations("cards.myTodos")]);
  return (
    <>
      <LiveRefresh />
      <PageHeader title={t("title")} description={t("description")} />
      <MyTodos groups={todos.groups} expandedGroup={expanded} serverNow={now} timeZone={timeZone} />
    </>
  );
}
