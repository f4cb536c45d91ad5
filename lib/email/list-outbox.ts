import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { emails } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";

/** A queued email older than this is "stuck" and shown in the outbox too. */
export const queuedLongMs = 10 * 60_000;
export const outboxPageSize = 50;

export type OutboxEmail = Pick<
  typeof emails.$inferSelect,
  "id" | "kind" | "state" | "toAddress" | "toName" | "subject" | "lastError" | "attempts" | "transport" | "createdAt" | "cardId"
>;

const encodeCursor = (e: { createdAt: Date; id: string }) => `${e.createdAt.toISOString()}_${e.id}`;
function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  const m = cursor ? /^(\d{4}-\d\d-\d\dT[\d:.]+Z)_([0-9a-f-]{36})$/.exec(cursor) : null;
  return m ? { createdAt: new Date(m[1]), id: m[2] } : null;
}

/**
 * The admins' outbox: emails not delivered — kept (no transport), failed, or queued for long —
 * newest first, one keyset page at a time (`cursor` from the previous page's `next`).
 */
export async function listOutbox(ctx: Ctx, { cursor, limit = outboxPageSize }: { cursor?: string; limit?: number } = {}) {
  if (!can(ctx.actor, "email.admin")) throw forbidden();
  const after = decodeCursor(cursor);
  const stuckBefore = new Date(ctx.now.getTime() - queuedLongMs);
  const rows = await ctx.db
    .select({
      id: emails.id,
      kind: emails.kind,
      state: emails.state,
      toAddress: emails.toAddress,
      toName: emails.toName,
      subject: emails.subject,
      lastError: emails.lastError,
      attempts: emails.attempts,
      transport: emails.transport,
      createdAt: emails.createdAt,
      cardId: emails.cardId,
    })
    .from(emails)
    .where(
      and(
        or(inArray(emails.state, ["outbox", "failed"]), and(eq(emails.state, "queued"), lt(emails.createdAt, stuckBefore))),
        after ? sql`(${emails.createdAt}, ${emails.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { emails: page as OutboxEmail[], next: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}
