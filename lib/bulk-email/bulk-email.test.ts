import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { bulkRecipients, bulkRuns, cardContacts, cards, contacts, emails, emailSuppressions, emailTemplates, jobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { deliverEmailJob } from "@/lib/email/queue-email";
import { liftSuppression, listSuppressions } from "@/lib/email/suppressions";
import type { Job } from "@/lib/jobs/types";
import { emptyViewDefinition } from "@/lib/views/definition";
import { refusal, seedView } from "@/lib/views/test-fixtures";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb, testDbKind } from "@/test/db";
import { getBulkRunOrThrow, listBulkRecipients, listBulkRuns } from "./list-bulk-runs";
import { prepareBulkBatch, prepareBulkJob } from "./prepare-batch";
import { previewBulkRun } from "./preview-bulk-run";
import { recordBulkOutcome } from "./record-outcome";
import { startBulkRun } from "./start-bulk-run";
import { unsubscribeByToken } from "./unsubscribe";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token";

process.env.AUTH_SECRET ??= "test-secret-for-bulk-email";
process.env.APP_URL = "https://crm.example.test";

const now = new Date("2026-05-04T10:00:00Z");

type Crm = Awaited<ReturnType<typeof seedCrm>>;

/** A card with these contacts linked in order (persons: [first, last, emails], companies: [name, emails]). */
async function seedCard(
  db: Db,
  crm: Crm,
  { name, statusId = crm.statuses.lead.id, ownerId = null, persons = [], company }: { name: string; statusId?: string; ownerId?: string | null; persons?: [string, string, string[]][]; company?: [string, string[]] },
) {
  const [card] = await db.insert(cards).values({ moduleId: crm.module.id, statusId, name, ownerId, values: { [crm.fields.website.id]: `https://${name.toLowerCase().replace(/\W+/g, "")}.test` } }).returning();
  let position = 0;
  if (company) {
    const [c] = await db.insert(contacts).values({ kind: "company", name: company[0], emails: company[1] }).returning();
    await db.insert(cardContacts).values({ cardId: card.id, contactId: c.id, position: position++ });
  }
  for (const [firstName, lastName, addresses] of persons) {
    const [p] = await db.insert(contacts).values({ kind: "person", name: `${lastName} ${firstName}`, firstName, lastName, emails: addresses }).returning();
    await db.insert(cardContacts).values({ cardId: card.id, contactId: p.id, position: position++ });
  }
  return card.id;
}

/** Runs the run's "bulk.prepare" jobs as a runner would (claiming each pending one, marking it done) until none is left. */
async function prepareAll(db: Db, at = now): Promise<number> {
  let ran = 0;
  for (;;) {
    const [job] = await db.select().from(jobs).where(and(eq(jobs.kind, prepareBulkJob), eq(jobs.state, "pending"))).orderBy(asc(jobs.id)).limit(1);
    if (!job) return ran;
    expect(await prepareBulkBatch({ db, now: at, job })).toEqual({ done: true });
    await db.update(jobs).set({ state: "done" }).where(eq(jobs.id, job.id));
    ran++;
  }
}

/** Delivers every queued email of a run as deliver-email will: the outcome in the transaction that writes the email's state. */
async function deliverAll(db: Db, runId: string, outcome: (address: string) => { sent: true } | { failed: string } | { outbox: true }, at = now) {
  const queued = await db.select().from(emails).where(and(eq(emails.runId, runId), eq(emails.state, "queued")));
  for (const email of queued) {
    await db.transaction(async (tx) => {
      const o = outcome(email.toAddress);
      await tx.update(emails).set({ state: "sent" in o ? "sent" : "failed" in o ? "failed" : "outbox" }).where(eq(emails.id, email.id));
      await recordBulkOutcome(tx, email, o, at);
    });
  }
}

const runRow = async (db: Db, runId: string) => (await db.select().from(bulkRuns).where(eq(bulkRuns.id, runId)))[0];
const recipientsOf = (db: Db, runId: string) => db.select().from(bulkRecipients).where(eq(bulkRecipients.runId, runId)).orderBy(asc(bulkRecipients.id));

describe("bulk email from a view", async () => {
  const db = await createTestDb();
  let crm: Crm;
  let viewId: string;
  let templateId: string;
  let manager: Actor;
  beforeAll(async () => {
    crm = await seedCrm(db);
    manager = crm.actors.manager;
    viewId = await seedView(db, {
      moduleId: crm.module.id,
      createdById: manager.id,
      shared: true,
      name: "New leads",
      definition: { ...emptyViewDefinition(), filter: { on: "group", join: "and", conditions: [{ on: "status", op: "any_of", statusIds: [crm.statuses.lead.id] }] } },
    });
    const [t] = await db
      .insert(emailTemplates)
      .values({ moduleId: crm.module.id, name: "Hello", subject: "Offer for {{card.name}}", bodyHtml: `<p>Dear {{recipient.name}}, see {{card.field.${crm.fields.website.id}}} — {{company.name}}</p><p>Call {{person.phone}}</p>` })
      .returning();
    templateId = t.id;
    await seedCard(db, crm, { name: "Alpha <script>", persons: [["Anna", "Kiss", ["Anna@Alpha.test"]], ["Bela", "Nagy", ["bela@alpha.test"]]], company: ["Alpha Kft", ["office@alpha.test"]] });
    await seedCard(db, crm, { name: "Beta" });
    await seedCard(db, crm, { name: "Gamma", persons: [["Gabi", "Gal", ["gone@gamma.test"]]] });
    await seedCard(db, crm, { name: "Delta", persons: [["Anna", "Kiss", ["anna@alpha.test"]]] });
    await seedCard(db, crm, { name: "Offer", statusId: crm.statuses.offer.id, persons: [["Olga", "Orr", ["olga@offer.test"]]] });
    const trashed = await seedCard(db, crm, { name: "Trashed", persons: [["Tom", "Tot", ["tom@trash.test"]]] });
    await db.update(cards).set({ deletedAt: now }).where(eq(cards.id, trashed));
    await db.insert(emailSuppressions).values({ address: "gone@gamma.test" });
  });
  const input = (rule: "main_person" | "all_persons" | "company") => ({ moduleId: crm.module.id, viewId, templateId, recipientRule: rule });

  it("a run takes the view's cards now, with every recipient chosen and the skipped ones counted with their reason", async () => {
    const started = await startBulkRun(ctx(db, manager, now), input("main_person"));
    expect(started).toMatchObject({ total: 4, skipped: 3 });
    const rows = await recipientsOf(db, started.runId);
    expect(rows.map((r) => [r.address, r.outcome, r.reason])).toEqual([
      ["anna@alpha.test", "pending", null],
      ["", "skipped", "no_address"],
      ["gone@gamma.test", "skipped", "unsubscribed"],
      ["anna@alpha.test", "skipped", "duplicate"],
    ]);
    expect(await runRow(db, started.runId)).toMatchObject({ state: "preparing", total: 4, skipped: 3, sent: 0, failed: 0, viewName: "New leads", createdById: manager.id });
    const prepare = await db.select().from(jobs).where(eq(jobs.kind, prepareBulkJob));
    expect(prepare.filter((j) => j.payload.runId === started.runId)).toHaveLength(1);

    expect(await prepareAll(db)).toBe(1);
    const [email] = await db.select().from(emails).where(eq(emails.runId, started.runId));
    expect(email).toMatchObject({ kind: "bulk", toAddress: "anna@alpha.test", toName: "Anna Kiss", state: "queued", senderId: manager.id, replyTo: manager.email });
    expect(email.subject).toBe("Offer for Alpha <script>");
    expect(email.html).toContain("Dear Anna Kiss, see https://alphascript.test — Alpha Kft");
    expect(email.html).not.toContain("<script>");
    const token = verifyUnsubscribeToken(decodeURIComponent(/token=([^>&"]+)/.exec(email.headers["List-Unsubscribe"])![1]));
    expect(token).toBe(email.id);
    expect(email.headers["List-Unsubscribe"]).toMatch(/^<https:\/\/crm\.example\.test\/api\/unsubscribe\?token=[^>]+>, <mailto:no-reply@localhost\?subject=unsubscribe>$/);
    expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(email.html).toContain("https://crm.example.test/unsubscribe?token=");
    expect(email.text).toContain("Dear Anna Kiss");
    const deliver = await db.select().from(jobs).where(eq(jobs.key, `email:${email.id}`));
    expect(deliver).toMatchObject([{ kind: deliverEmailJob, state: "pending" }]);
    const [linked] = await db.select().from(bulkRecipients).where(eq(bulkRecipients.emailId, email.id));
    expect(linked.address).toBe("anna@alpha.test");
    expect((await runRow(db, started.runId)).state).toBe("sending");

    const later = new Date(now.getTime() + 60_000);
    await deliverAll(db, started.runId, () => ({ sent: true }), later);
    expect(await runRow(db, started.runId)).toMatchObject({ state: "done", sent: 1, skipped: 3, failed: 0, finishedAt: later });
    // Reported twice (a repeated job): nothing moves.
    await db.transaction((tx) => recordBulkOutcome(tx, email, { sent: true }, later));
    expect(await runRow(db, started.runId)).toMatchObject({ sent: 1, skipped: 3 });
  });

  it("the preview counts recipients and skips by reason and renders three samples with their empty variables, storing nothing", async () => {
    const runs = (await db.select().from(bulkRuns)).length;
    await db.update(contacts).set({ phones: ["+36 1 234 5678"] }).where(eq(contacts.firstName, "Bela"));
    const preview = await previewBulkRun(ctx(db, manager, now), input("all_persons"));
    expect(preview).toMatchObject({ viewName: "New leads", templateName: "Hello", cards: 4, recipients: 2, skipped: { no_address: 1, unsubscribed: 1, duplicate: 1 }, withEmptyVariables: 1 });
    expect(preview.skippedExamples.map((s) => [s.cardName, s.reason])).toEqual([["Beta", "no_address"], ["Gamma", "unsubscribed"], ["Delta", "duplicate"]]);
    expect(preview.samples.map((s) => [s.to, s.subject, s.emptyVariables])).toEqual([
      ["anna@alpha.test", "Offer for Alpha <script>", ["person.phone"]],
      ["bela@alpha.test", "Offer for Alpha <script>", []],
    ]);
    expect(preview.samples[0].html).toContain("Dear Anna Kiss");
    const company = await previewBulkRun(ctx(db, manager, now), input("main_person"));
    expect(company.recipients).toBe(1);
    expect((await db.select().from(bulkRuns)).length).toBe(runs);
    expect(await refusal(previewBulkRun(ctx(db, crm.actors.normal, now), input("main_person")))).toMatchObject({ kind: "forbidden" });
  });

  it("all persons, and the company's address (or the main person's company)", async () => {
    const all = await startBulkRun(ctx(db, manager, now), input("all_persons"));
    expect((await recipientsOf(db, all.runId)).map((r) => [r.address, r.reason])).toEqual([
      ["anna@alpha.test", null],
      ["bela@alpha.test", null],
      ["", "no_address"],
      ["gone@gamma.test", "unsubscribed"],
      ["anna@alpha.test", "duplicate"],
    ]);
    const company = await startBulkRun(ctx(db, manager, now), input("company"));
    expect((await recipientsOf(db, company.runId)).map((r) => [r.address, r.name, r.reason])).toEqual([
      ["office@alpha.test", "Alpha Kft", null],
      ["", "", "no_address"],
      ["", "", "no_address"],
      ["", "", "no_address"],
    ]);
  });

  it("failed and kept-in-outbox outcomes count as failed with their reason; a retry by hand that sends moves the counters", async () => {
    const run = await startBulkRun(ctx(db, manager, now), input("all_persons"));
    await prepareAll(db);
    await deliverAll(db, run.runId, (a) => (a.startsWith("anna") ? { failed: "550 mailbox unavailable" } : { outbox: true }));
    expect(await runRow(db, run.runId)).toMatchObject({ state: "done", sent: 0, failed: 2, skipped: 3 });
    const rows = await recipientsOf(db, run.runId);
    expect(rows.filter((r) => r.outcome === "failed").map((r) => r.reason)).toEqual(["550 mailbox unavailable", "no_transport"]);
    // The page tells the one kept in the outbox (waiting for a transport) from the one that failed.
    expect(await getBulkRunOrThrow(ctx(db, manager), run.runId)).toMatchObject({ failed: 2, kept: 1 });
    const [anna] = await db.select().from(emails).where(and(eq(emails.runId, run.runId), eq(emails.toAddress, "anna@alpha.test")));
    await db.transaction((tx) => recordBulkOutcome(tx, anna, { sent: true }, now));
    expect(await runRow(db, run.runId)).toMatchObject({ sent: 1, failed: 1, skipped: 3, state: "done" });
  });

  it("who may: Normal and Restricted users are refused and nothing is stored; a group manager reaches only the group's cards", async () => {
    const before = (await db.select().from(bulkRuns)).length;
    for (const actor of [crm.actors.normal, crm.actors.restricted, crm.actors.groupRestrictedRo])
      expect(await refusal(startBulkRun(ctx(db, actor, now), input("main_person")))).toMatchObject({ kind: "forbidden" });
    expect(await refusal(startBulkRun(ctx(db, manager, now), { ...input("main_person"), recipientRule: "everyone" as never }))).toMatchObject({ code: "bulk_recipient_rule_unknown" });
    expect(await refusal(startBulkRun(ctx(db, manager, now), { ...input("main_person"), templateId: crypto.randomUUID() }))).toMatchObject({ code: "template_not_found" });
    expect((await db.select().from(bulkRuns)).length).toBe(before);

    const gm = crm.actors.groupManagerHu;
    // No card of the group yet: nothing to send.
    expect(await refusal(startBulkRun(ctx(db, gm, now), input("main_person")))).toMatchObject({ code: "bulk_no_recipients" });
    await seedCard(db, crm, { name: "Hungarian deal", ownerId: crm.actors.normal.id, persons: [["Hanna", "Hun", ["hanna@hu.test"]]] });
    await seedCard(db, crm, { name: "Romanian deal", ownerId: crm.actors.groupRestrictedRo.id, persons: [["Radu", "Ro", ["radu@ro.test"]]] });
    const run = await startBulkRun(ctx(db, gm, new Date(now.getTime() + 1000)), input("main_person"));
    expect((await recipientsOf(db, run.runId)).map((r) => r.address)).toEqual(["hanna@hu.test"]);

    // The Automations page: a group manager lists only their own runs; a manager every run, recipients paged and filtered.
    expect((await listBulkRuns(ctx(db, gm), { moduleId: crm.module.id })).runs.map((r) => r.id)).toEqual([run.runId]);
    const all = await listBulkRuns(ctx(db, manager), { moduleId: crm.module.id, limit: 2 });
    // Runs started at the same moment are paged by id after it: every run once.
    const seen = [...all.runs.map((r) => r.id)];
    for (let next = all.next; next; ) {
      const page = await listBulkRuns(ctx(db, manager), { moduleId: crm.module.id, limit: 2, before: next });
      seen.push(...page.runs.map((r) => r.id));
      next = page.next;
    }
    expect(seen.sort()).toEqual((await db.select().from(bulkRuns)).map((r) => r.id).sort());
    expect(all.runs[0]).toMatchObject({ id: run.runId, templateName: "Hello", total: 1 });
    expect(all.next).not.toBeNull();
    expect(await refusal(getBulkRunOrThrow(ctx(db, gm), all.runs[1].id))).toMatchObject({ code: "bulk_run_not_found" });
    expect(await refusal(listBulkRuns(ctx(db, crm.actors.normal), { moduleId: crm.module.id }))).toMatchObject({ kind: "forbidden" });
    const older = all.runs[1].id;
    const skippedPage = await listBulkRecipients(ctx(db, manager), { runId: older, outcome: "skipped", limit: 2 });
    expect(skippedPage.rows.map((r) => r.outcome)).toEqual(["skipped", "skipped"]);
    const rest = await listBulkRecipients(ctx(db, manager), { runId: older, outcome: "skipped", after: skippedPage.next!, limit: 2 });
    expect(rest.rows.length + skippedPage.rows.length).toBe((await recipientsOf(db, older)).filter((r) => r.outcome === "skipped").length);
  });

  it("unsubscribe: a signed token suppresses the address once; forged, foreign or replayed tokens change nothing; the next run skips it; an admin lifts it", async () => {
    const run = await startBulkRun(ctx(db, manager, now), input("main_person"));
    await prepareAll(db);
    const [email] = await db.select().from(emails).where(and(eq(emails.runId, run.runId), eq(emails.toAddress, "anna@alpha.test")));
    const suppressions = async () => (await db.select().from(emailSuppressions)).map((s) => s.address).sort();
    const before = await suppressions();
    const pub = { db, now };
    for (const forged of ["", "nonsense", `${email.id}.AAAA`, `${crypto.randomUUID()}.${signUnsubscribeToken(email.id).split(".")[1]}`, signUnsubscribeToken(email.id).slice(0, -1) + "x", 42])
      expect(await unsubscribeByToken(pub, forged)).toEqual({ ok: false });
    expect(await unsubscribeByToken(pub, signUnsubscribeToken(crypto.randomUUID()))).toEqual({ ok: false });
    expect(await suppressions()).toEqual(before);

    expect(await unsubscribeByToken(pub, signUnsubscribeToken(email.id))).toEqual({ ok: true, address: "anna@alpha.test" });
    expect(await unsubscribeByToken(pub, signUnsubscribeToken(email.id))).toEqual({ ok: true, address: "anna@alpha.test" });
    expect(await suppressions()).toEqual([...before, "anna@alpha.test"].sort());

    const next = await startBulkRun(ctx(db, manager, now), input("all_persons"));
    expect((await recipientsOf(db, next.runId)).filter((r) => r.address === "anna@alpha.test").map((r) => r.reason)).toEqual(["unsubscribed", "unsubscribed"]);

    expect(await refusal(listSuppressions(ctx(db, manager), {}))).toMatchObject({ kind: "forbidden" });
    expect(await refusal(liftSuppression(ctx(db, manager), { address: "anna@alpha.test" }))).toMatchObject({ kind: "forbidden" });
    const listed = await listSuppressions(ctx(db, crm.actors.admin), { q: "ALPHA" });
    expect(listed.rows.map((r) => [r.address, r.emailId])).toEqual([["anna@alpha.test", email.id]]);
    expect(await liftSuppression(ctx(db, crm.actors.admin), { address: " Anna@Alpha.test " })).toEqual({ address: "anna@alpha.test" });
    expect(await refusal(liftSuppression(ctx(db, crm.actors.admin), { address: "anna@alpha.test" }))).toMatchObject({ code: "suppression_not_found" });
    expect(await suppressions()).toEqual(before);
  });
});

describe(`bulk email at scale (${testDbKind})`, async () => {
  const db = await createTestDb();
  const size = testDbKind === "postgres" ? 1000 : 250;
  let crm: Crm;
  let viewId: string;
  let templateId: string;
  beforeAll(async () => {
    crm = await seedCrm(db);
    viewId = await seedView(db, { moduleId: crm.module.id, createdById: crm.actors.admin.id, shared: true, name: "All", definition: emptyViewDefinition() });
    const [t] = await db.insert(emailTemplates).values({ moduleId: crm.module.id, name: "Hi", subject: "Hi {{person.firstName}}", bodyHtml: "<p>{{card.name}} for {{recipient.email}}</p>" }).returning();
    templateId = t.id;
    const cardRows = await db
      .insert(cards)
      .values(Array.from({ length: size }, (_, i) => ({ moduleId: crm.module.id, statusId: crm.statuses.lead.id, name: `Deal ${i}`, createdAt: new Date(now.getTime() + i) })))
      .returning({ id: cards.id });
    const people = await db
      .insert(contacts)
      .values(cardRows.map((_, i) => ({ kind: "person" as const, name: `P${i}`, firstName: `P${i}`, lastName: "X", emails: [`p${i}@bulk.test`] })))
      .returning({ id: contacts.id });
    await db.insert(cardContacts).values(cardRows.map((c, i) => ({ cardId: c.id, contactId: people[i].id, position: 0 })));
  });

  it(`${size} recipients, two runners preparing every batch at once: each recipient exactly one email, the run complete`, async () => {
    const run = await startBulkRun(ctx(db, crm.actors.admin, now), { moduleId: crm.module.id, viewId, templateId, recipientRule: "main_person" });
    expect(run).toMatchObject({ total: size, skipped: 0 });
    // Two runners race on every prepare job (as when a lease ran out while the first was still working).
    const ran = new Set<string>();
    for (;;) {
      const pending = await db.select().from(jobs).where(and(eq(jobs.kind, prepareBulkJob), eq(jobs.state, "pending"))).orderBy(asc(jobs.id));
      if (pending.length === 0) break;
      const job: Job = pending[0];
      expect(ran.has(job.key!)).toBe(false);
      ran.add(job.key!);
      const outcomes = await Promise.all([prepareBulkBatch({ db, now, job }), prepareBulkBatch({ db, now, job })]);
      expect(outcomes).toEqual([{ done: true }, { done: true }]);
      await db.update(jobs).set({ state: "done" }).where(eq(jobs.id, job.id));
    }
    // One chain of batches: the two racers enqueued the same next job each time.
    expect(ran.size).toBe(Math.ceil(size / 100));
    const sent = await db.select({ id: emails.id, to: emails.toAddress }).from(emails).where(eq(emails.runId, run.runId));
    expect(sent).toHaveLength(size);
    expect(new Set(sent.map((e) => e.to)).size).toBe(size);
    const recipients = await recipientsOf(db, run.runId);
    expect(new Set(recipients.map((r) => r.emailId)).size).toBe(size);
    expect((await db.select().from(jobs).where(eq(jobs.kind, deliverEmailJob))).length).toBe(size);
    await deliverAll(db, run.runId, () => ({ sent: true }));
    expect(await runRow(db, run.runId)).toMatchObject({ state: "done", sent: size, failed: 0, skipped: 0, total: size });
  }, 120_000); // every email rendered twice (two racers): ~16 s on a loaded two-core machine
});
