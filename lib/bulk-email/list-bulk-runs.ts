import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { bulkRecipients, bulkRuns, cards, emails, emailTemplates, users } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { visibleCardsCondition } from "@/lib/cards/scope";
import { forbidden, notFound } from "@/lib/errors";
import { listBulkRecipientsSchema } from "./bulk-input";
import { outboxReason } from "./record-outcome";

/** `kept`: of the failed, those kept in the outbox (no mail transport) — waiting, not broken. */
export type BulkRunSummary = typeof bulkRuns.$inferSelect & { templateName: string; createdByName: string; kept: number };

/** How many recipients of each run are kept in the outbox: one grouped query for a page of runs. */
async function keptCounts(db: Ctx["db"], runIds: string[]): Promise<Map<string, number>> {
  if (runIds.length === 0) return new Map();
  const rows = await db
    .select({ runId: bulkRecipients.runId, n: sql<number>`count(*)::int` })
    .from(bulkRecipients)
    .where(and(inArray(bulkRecipients.runId, runIds), eq(bulkRecipients.outcome, "failed"), eq(bulkRecipients.reason, outboxReason)))
    .groupBy(bulkRecipients.runId);
  return new Map(rows.map((r) => [r.runId, Number(r.n)]));
}

const runColumns = {
  run: bulkRuns,
  templateName: emailTemplates.name,
  firstName: users.firstName,
  lastName: users.lastName,
  email: users.email,
};

/**
 * The module's one-time bulk runs, newest first (the Automations page): who may bulk-send sees them.
 * A group manager sees the runs they started (the others went to cards outside their groups).
 */
export async function listBulkRuns({ actor, db }: Ctx, raw: { moduleId: string; before?: string; limit?: number }): Promise<{ runs: BulkRunSummary[]; next: string | null }> {
  if (!can(actor, "email.bulk_send")) throw forbidden();
  const input = z
    .object({ moduleId: z.uuid("invalid_input"), before: z.string().max(100).optional(), limit: z.number().int().min(1).max(100).default(20) })
    .parse(raw);
  const cursor = parseRunCursor(input.before);
  const rows = await db
    .select(runColumns)
    .from(bulkRuns)
    .innerJoin(emailTemplates, eq(emailTemplates.id, bulkRuns.templateId))
    .innerJoin(users, eq(users.id, bulkRuns.createdById))
    .where(
      and(
        eq(bulkRuns.moduleId, input.moduleId),
        actor.role === "group_manager" ? eq(bulkRuns.createdById, actor.id) : undefined,
        cursor ? sql`(${bulkRuns.createdAt}, ${bulkRuns.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(bulkRuns.createdAt), desc(bulkRuns.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const kept = await keptCounts(db, page.filter((r) => r.run.failed > 0).map((r) => r.run.id));
  const runs = page.map((r) => toSummary(r, kept.get(r.run.id) ?? 0));
  const last = runs[runs.length - 1];
  return { runs, next: rows.length > input.limit ? `${last.createdAt.toISOString()}_${last.id}` : null };
}

/** The keyset cursor of the run list: "<createdAt ISO>_<id>"; anything else starts from the top. */
function parseRunCursor(raw: string | undefined): { at: Date; id: string } | null {
  if (!raw) return null;
  const [at, id] = raw.split("_");
  const date = new Date(at);
  return Number.isNaN(date.getTime()) || !z.uuid().safeParse(id).success ? null : { at: date, id };
}

const toSummary = (r: { run: typeof bulkRuns.$inferSelect; templateName: string; firstName: string; lastName: string; email: string }, kept: number): BulkRunSummary => ({
  ...r.run,
  kept,
  templateName: r.templateName,
  createdByName: `${r.lastName} ${r.firstName}`.trim() || r.email,
});

export async function getBulkRunOrThrow({ actor, db }: Ctx, runId: string): Promise<BulkRunSummary> {
  if (!can(actor, "email.bulk_send")) throw forbidden();
  if (!z.uuid().safeParse(runId).success) throw notFound("bulk_run_not_found");
  const [row] = await db
    .select(runColumns)
    .from(bulkRuns)
    .innerJoin(emailTemplates, eq(emailTemplates.id, bulkRuns.templateId))
    .innerJoin(users, eq(users.id, bulkRuns.createdById))
    .where(and(eq(bulkRuns.id, runId), actor.role === "group_manager" ? eq(bulkRuns.createdById, actor.id) : undefined));
  if (!row) throw notFound("bulk_run_not_found");
  const kept = row.run.failed > 0 ? ((await keptCounts(db, [row.run.id])).get(row.run.id) ?? 0) : 0;
  return toSummary(row, kept);
}

export type BulkRecipientRow = {
  id: number;
  cardId: string;
  cardName: string | null;
  address: string;
  name: string;
  outcome: (typeof bulkRecipients.$inferSelect)["outcome"];
  reason: string | null;
  emailState: string | null;
};

/** One page of a run's recipients (keyset on id), optionally of one outcome; cards the actor cannot see (any more) show no name. */
export async function listBulkRecipients(ctx: Ctx, raw: z.input<typeof listBulkRecipientsSchema>): Promise<{ rows: BulkRecipientRow[]; next: number | null }> {
  const input = listBulkRecipientsSchema.parse(raw);
  const run = await getBulkRunOrThrow(ctx, input.runId);
  const rows = await ctx.db
    .select({
      id: bulkRecipients.id,
      cardId: bulkRecipients.cardId,
      address: bulkRecipients.address,
      name: bulkRecipients.name,
      outcome: bulkRecipients.outcome,
      reason: bulkRecipients.reason,
      emailState: emails.state,
    })
    .from(bulkRecipients)
    .leftJoin(emails, eq(emails.id, bulkRecipients.emailId))
    .where(and(eq(bulkRecipients.runId, run.id), input.outcome ? eq(bulkRecipients.outcome, input.outcome) : undefined, input.after ? gt(bulkRecipients.id, input.after) : undefined))
    .orderBy(asc(bulkRecipients.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const ids = [...new Set(page.map((r) => r.cardId))];
  const visible = ids.length
    ? await ctx.db
        .select({ id: cards.id, name: cards.name })
        .from(cards)
        .where(and(inArray(cards.id, ids), visibleCardsCondition(ctx.actor) ?? sql`true`))
    : [];
  const names = new Map(visible.map((c) => [c.id, c.name]));
  return {
    rows: page.map((r) => ({ ...r, cardName: names.get(r.cardId) ?? null })),
    next: rows.length > input.limit ? page[page.length - 1].id : null,
  };
}
