"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { CardUser } from "@/lib/cards/list-card-users";

/** One change someone else saved since this page was loaded (from `card_stale`'s details). */
export type ConflictChange = { kind: string; at: string; by: string; field: string | null };

type CardContextValue = {
  cardId: string;
  moduleId: string;
  /** The version the user's edits are based on: sent with every edit. */
  version: number;
  meId: string;
  timeZone: string;
  users: CardUser[];
  userName: (id: string | null | undefined) => string;
  conflict: ConflictChange[] | null;
  /** Looks at an edit's result: a `card_stale` refusal opens the conflict notice; a save moves the base version on. */
  noteResult: (result: ActionResult<unknown>) => void;
  /** Forms say whether they hold unsaved edits: while one does, a live refresh does not move the base version. */
  markDirty: (form: string, dirty: boolean) => void;
  /** Refetches the page and bases further edits on what it shows; what was typed stays in the forms. */
  reload: () => void;
  reloading: boolean;
  /** Set by "Reload" until the next successful save: the page says the user's edits were kept. */
  reloaded: boolean;
  dismissReloaded: () => void;
};

const CardContext = createContext<CardContextValue | null>(null);

/**
 * The card page's shared state. The base version follows the server's only when the user has seen
 * the change: on load, after their own save, after "Reload", or on a live refresh while no form holds
 * unsaved edits. So an edit typed before someone else saved is refused (`card_stale`), never lost
 * and never silently overwriting theirs.
 */
export function CardProvider({
  cardId,
  moduleId,
  version,
  meId,
  timeZone,
  users,
  children,
}: {
  cardId: string;
  moduleId: string;
  version: number;
  meId: string;
  timeZone: string;
  users: CardUser[];
  children: ReactNode;
}) {
  const router = useRouter();
  const [reloading, startReload] = useTransition();
  const [conflict, setConflict] = useState<ConflictChange[] | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const [seenVersion, setSeenVersion] = useState(version);
  const [baseVersion, setBaseVersion] = useState(version);
  const [dirty, setDirty] = useState<Record<string, boolean>>({});
  const anyDirty = Object.values(dirty).some(Boolean);
  if (version !== seenVersion) {
    // A newer card arrived (a save, a reload or a live refresh).
    setSeenVersion(version);
    if (!anyDirty && !conflict) setBaseVersion(version);
  }

  const noteResult = useCallback((result: ActionResult<unknown>) => {
    if (!result.ok) {
      if (result.error === "card_stale") setConflict((result.details?.changes as ConflictChange[] | undefined) ?? []);
      return;
    }
    setReloaded(false);
    const saved = (result.data as { version?: unknown } | undefined)?.version;
    if (typeof saved === "number") setBaseVersion((v) => Math.max(v, saved));
  }, []);
  const markDirty = useCallback((form: string, isDirty: boolean) => setDirty((d) => (d[form] === isDirty ? d : { ...d, [form]: isDirty })), []);
  const reload = useCallback(() => {
    setConflict(null);
    setReloaded(true);
    setBaseVersion(version);
    startReload(() => router.refresh());
  }, [router, version]);

  // After a reload, the refreshed version becomes the base even while forms hold edits.
  const [awaitingReload, setAwaitingReload] = useState(false);
  if (reloading && !awaitingReload) setAwaitingReload(true);
  if (!reloading && awaitingReload) {
    setAwaitingReload(false);
    setBaseVersion(version);
  }

  const value = useMemo(() => {
    const byId = new Map(users.map((u) => [u.id, u.name]));
    return {
      cardId,
      moduleId,
      version: baseVersion,
      meId,
      timeZone,
      users,
      userName: (id: string | null | undefined) => (id ? (byId.get(id) ?? "?") : ""),
      conflict,
      noteResult,
      markDirty,
      reload,
      reloading,
      reloaded,
      dismissReloaded: () => setReloaded(false),
    };
  }, [cardId, moduleId, baseVersion, meId, timeZone, users, conflict, noteResult, markDirty, reload, reloading, reloaded]);
  return <CardContext.Provider value={value}>{children}</CardContext.Provider>;
}

export function useCard(): CardContextValue {
  const value = useContext(CardContext);
  if (!value) throw new Error("useCard() outside <CardProvider>");
  return value;
}

/** The hidden inputs every card edit carries: which card, and the version the user's edit is based on. */
export function CardVersionInputs() {
  const { cardId, version } = useCard();
  return (
    <>
      <input type="hidden" name="cardId" value={cardId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}
