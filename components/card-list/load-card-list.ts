import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { listCards, type CardListPage, type ListCardsInput } from "@/lib/cards/list-cards";
import { listFilterUsers } from "@/lib/cards/list-filter-users";
import { loadModuleForCards } from "@/lib/cards/load-module";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { getOrganisation } from "@/lib/org/organisation";
import { parseCardListParams, type SearchParams } from "./list-params";

/** What the list and the board pages both start from: the module (or 404), the URL's filters, the clock and the users. */
export async function loadCardListContext(actor: Actor, moduleId: string, searchParams: SearchParams) {
  if (!z.uuid().safeParse(moduleId).success) notFound();
  const db = await getDb();
  const [config, org, locale] = await Promise.all([
    loadModuleForCards(db, moduleId).catch((error: unknown) => {
      if (error instanceof DomainError && error.kind === "not_found") notFound();
      throw error;
    }),
    getOrganisation(db),
    getLocale(),
  ]);
  const users = await listFilterUsers(db, locale);
  return {
    actor,
    db,
    config,
    users,
    params: parseCardListParams(searchParams),
    now: systemClock.now(),
    timeZone: org?.timeZone ?? "Europe/Budapest",
  };
}

const isInvalidCursor = (error: unknown) => error instanceof DomainError && error.code === "invalid_input" && "after" in error.fields;

/** A page of the list; an outdated or tampered "after" link starts from the first page instead of failing. */
export async function listCardsOrFirstPage(db: Db, actor: Actor, input: ListCardsInput): Promise<CardListPage & { cursorReset: boolean }> {
  try {
    return { ...(await listCards(db, actor, input)), cursorReset: false };
  } catch (error) {
    if (!input.after || !isInvalidCursor(error)) throw error;
    return { ...(await listCards(db, actor, { ...input, after: null })), cursorReset: true };
  }
}
