import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { getVisibleCardOrThrow } from "@/lib/cards/scope";
import { DomainError } from "@/lib/errors";

/**
 * Answers a card the user may not see with a real 404 before `loading.tsx`'s skeleton starts the
 * stream (a streamed response is already a 200): one indexed lookup here, the page loads the rest.
 */
export default async function CardLayout({ params, children }: { params: Promise<{ cardId: string }>; children: React.ReactNode }) {
  const actor = await requirePermission("cards.view");
  const { cardId } = await params;
  if (!z.uuid().safeParse(cardId).success) notFound();
  try {
    await getVisibleCardOrThrow(await getDb(), actor, cardId);
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  }
  return children;
}
