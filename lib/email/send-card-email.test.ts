import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { cards, emails, fields, history, jobs, modules, users } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import type { SendCardEmailInput } from "./card-email-input";
import { cardEmailStates, getCardEmailOrThrow } from "./get-email-or-throw";
import { previewCardEmail } from "./preview-card-email";
import { sendCardEmail } from "./send-card-email";
import { seedEmailCard, seedEmailTemplate, setSignature } from "./test-fixtures";

/** The code a refused call answers with, whether zod or a domain rule refused it. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof z.ZodError) return { code: error.issues[0].message, field: error.issues[0].path.join(".") };
    if (error instanceof DomainError) return { code: error.code, kind: error.kind, fields: error.fields, details: error.details };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("email from a card: preview and send", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let seeded: Awaited<ReturnType<typeof seedEmailCard>>;
  let subject: string;
  let bodyHtml: string;
  const now = new Date("2026-05-04T10:00:00Z");
  const counts = async () => ({
    emails: (await db.select({ id: emails.id }).from(emails)).length,
    jobs: (await db.select({ id: jobs.id }).from(jobs)).length,
    history: (await db.select({ id: history.id }).from(history).where(eq(history.kind, "email"))).length,
  });
  beforeAll(async () => {
    crm = await seedCrm(db);
    await db.update(users).set({ firstName: "Anna", lastName: "Nagy" }).where(eq(users.id, crm.actors.normal.id));
    await setSignature(db, crm.actors.normal.id, "Anna Nagy\nSales <team>");
    seeded = await seedEmailCard(db, crm, { ownerId: crm.actors.normal.id, name: "Acme <script>alert(1)</script>" });
    subject = "Offer for {{card.name}}";
    bodyHtml = `<p>Dear {{person.firstName}},</p><p>budget {{card.field.${crm.fields.budget.id}}}, see {{card.field.${crm.fields.website.id}}}</p><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>`;
  });
  const input = (over: Record<string, unknown> = {}) => ({ cardId: seeded.card.id, to: "eva@acme.example", subject, bodyHtml, ...over });
  const anna = () => ctx(db, crm.actors.normal, now);

  describe("preview", () => {
    it("renders against the card and recipient, escaping values, and flags the empty variables", async () => {
      const preview = await previewCardEmail(anna(), input());
      expect(preview.to).toBe("eva@acme.example");
      expect(preview.toName).toBe("Kovács Éva");
      expect(preview.subject).toBe("Offer for Acme <script>alert(1)</script>");
      expect(preview.html).toContain("Dear Éva,");
      expect(preview.html).toContain("Acme &lt;script&gt;");
      expect(preview.html).not.toMatch(/<script|onerror|javascript:/);
      expect(preview.html).toMatch(/Anna Nagy<br\s*\/?>Sales &lt;team&gt;/);
      expect(preview.text).toContain("Dear Éva,");
      expect(preview.emptyVariables).toEqual([`card.field.${crm.fields.website.id}`]);
    });

    it("stores nothing", async () => {
      const before = await counts();
      await previewCardEmail(anna(), input());
      expect(await counts()).toEqual(before);
    });

    it("finds no empty variable once the field is filled", async () => {
      const { card } = await seedEmailCard(db, crm, { ownerId: crm.actors.normal.id, name: "Filled" });
      await db.update(cards).set({ values: { ...card.values, [crm.fields.website.id]: "https://acme.example" } }).where(eq(cards.id, card.id));
      expect((await previewCardEmail(anna(), input({ cardId: card.id }))).emptyVariables).toEqual([]);
    });
  });

  describe("send", () => {
    it("refuses while variables are empty, listing them, and stores nothing", async () => {
      const before = await counts();
      expect(await refusal(sendCardEmail(anna(), input()))).toMatchObject({ code: "email_empty_variables", kind: "invalid", details: { variables: [`card.field.${crm.fields.website.id}`] } });
      expect(await refusal(sendCardEmail(anna(), input({ confirmEmpty: false })))).toMatchObject({ code: "email_empty_variables" });
      expect(await counts()).toEqual(before);
    });

    it("sends anyway when confirmed: the rendered email, its one delivery job and the history entry, together", async () => {
      const before = await counts();
      const template = await seedEmailTemplate(db, crm.module.id);
      const result = await sendCardEmail(anna(), input({ confirmEmpty: true, templateId: template.id, to: "EVA@acme.example" }));
      expect(result).toMatchObject({ cardId: seeded.card.id, moduleId: crm.module.id });
      expect(await counts()).toEqual({ emails: before.emails + 1, jobs: before.jobs + 1, history: before.history + 1 });

      const [email] = await db.select().from(emails).where(eq(emails.id, result.emailId));
      expect(email).toMatchObject({
        kind: "card",
        cardId: seeded.card.id,
        moduleId: crm.module.id,
        templateId: template.id,
        senderId: crm.actors.normal.id,
        fromName: "Nagy Anna",
        toAddress: "eva@acme.example",
        toName: "Kovács Éva",
        replyTo: "normal@test.hu",
        subject: "Offer for Acme <script>alert(1)</script>",
        state: "queued",
        attempts: 0,
        createdAt: now,
      });
      expect(email.html).toContain("Dear Éva,");
      expect(email.html).not.toMatch(/<script|onerror|javascript:/);
      expect(email.text).toContain("Anna Nagy");

      const [job] = await db.select().from(jobs).where(eq(jobs.key, `email:${result.emailId}`));
      expect(job).toMatchObject({ kind: "email.deliver", payload: { emailId: result.emailId } });
      expect(job.dueAt).toEqual(now);

      const entries = await db.select().from(history).where(eq(history.kind, "email"));
      expect(entries.at(-1)).toMatchObject({
        cardId: seeded.card.id,
        actorId: crm.actors.normal.id,
        at: now,
        data: { emailId: result.emailId, subject: "Offer for Acme <script>alert(1)</script>", to: "eva@acme.example" },
      });
      const [card] = await db.select({ lastActivityAt: cards.lastActivityAt }).from(cards).where(eq(cards.id, seeded.card.id));
      expect(card.lastActivityAt).toEqual(now);

      expect((await cardEmailStates(db, seeded.card.id)).map((e) => [e.id, e.state])).toContainEqual([result.emailId, "queued"]);
      expect((await getCardEmailOrThrow(db, crm.actors.normal, result.emailId)).id).toBe(result.emailId);
    });

    it("sends to the company's address too (any address of a linked contact)", async () => {
      const { emailId } = await sendCardEmail(anna(), input({ to: "info@acme.example", confirmEmpty: true }));
      const [email] = await db.select().from(emails).where(eq(emails.id, emailId));
      expect(email).toMatchObject({ toAddress: "info@acme.example", toName: "Acme Kft." });
      expect(email.html).toContain("Dear Éva,");
    });
  });

  describe("bad input: a clear code, and nothing stored", async () => {
    let moduleCount = 0;
    const otherModule = async () => {
      const [m] = await db.insert(modules).values({ name: `Service ${++moduleCount}` }).returning();
      const [f] = await db.insert(fields).values({ moduleId: m.id, name: "Contract", type: "text" }).returning();
      return { moduleId: m.id, fieldId: f.id };
    };
    const cases: [string, () => Promise<Record<string, unknown>>, Record<string, unknown>][] = [
      ["an address without a real domain (a@b)", async () => input({ to: "a@b" }), { code: "email_address_invalid", field: "to" }],
      ["an address with a newline (header injection)", async () => input({ to: "eva@acme.example\nBcc: x@evil.example" }), { code: "email_address_invalid", field: "to" }],
      ["an address with a trailing CR LF", async () => input({ to: "eva@acme.example\r\n" }), { code: "email_address_invalid", field: "to" }],
      ["an address longer than 254 characters", async () => input({ to: `${"a".repeat(250)}@acme.example` }), { code: "email_address_invalid", field: "to" }],
      ["an address that is no contact's of the card", async () => input({ to: "someone@else.example" }), { code: "email_recipient_not_on_card", fields: { to: "email_recipient_not_on_card" } }],
      ["a subject with a newline", async () => input({ subject: "Offer\r\nBcc: x@evil.example" }), { code: "email_subject_newline", field: "subject" }],
      ["an empty subject", async () => input({ subject: "   " }), { code: "email_subject_required", field: "subject" }],
      ["a subject over 200 characters", async () => input({ subject: "x".repeat(201) }), { code: "email_subject_too_long", field: "subject" }],
      ["a 1 MB body", async () => input({ bodyHtml: `<p>${"x".repeat(1_000_000)}</p>` }), { code: "email_body_too_long", field: "bodyHtml" }],
      ["a body that sanitises to nothing", async () => input({ bodyHtml: "<script>alert(1)</script>" }), { code: "email_body_required" }],
      ["an unclosed variable", async () => input({ subject: "Offer for {{card.name" }), { code: "template_variable_unclosed", details: { variable: "{{card.name" } }],
      [
        "another module's field",
        async () => input({ bodyHtml: `<p>{{card.field.${(await otherModule()).fieldId}}}</p>` }),
        { code: "template_variable_unknown", fields: { bodyHtml: "template_variable_unknown" } },
      ],
      [
        "a template of another module",
        async () => input({ templateId: (await seedEmailTemplate(db, (await otherModule()).moduleId)).id }),
        { code: "template_not_found" },
      ],
      ["a card id that is no id", async () => input({ cardId: "nope" }), { code: "card_not_found", field: "cardId" }],
    ];
    it.each(cases)("refuses %s", async (_name, make, expected) => {
      const raw = await make();
      const before = await counts();
      expect(await refusal(sendCardEmail(anna(), { ...raw, confirmEmpty: true } as SendCardEmailInput))).toMatchObject(expected);
      expect(await refusal(previewCardEmail(anna(), raw as SendCardEmailInput))).toMatchObject(expected);
      expect(await counts()).toEqual(before);
    });

    it("refuses a card the user cannot see (a replayed action for a foreign card) as not found", async () => {
      const { card } = await seedEmailCard(db, crm, { ownerId: crm.actors.otherRestricted.id, name: "Not yours" });
      const before = await counts();
      const restricted = ctx(db, crm.actors.restricted, now);
      expect(await refusal(sendCardEmail(restricted, input({ cardId: card.id, confirmEmpty: true })))).toMatchObject({ code: "card_not_found", kind: "not_found" });
      expect(await refusal(previewCardEmail(restricted, input({ cardId: card.id })))).toMatchObject({ code: "card_not_found" });
      expect(await counts()).toEqual(before);
      // and its emails stay hidden from them
      const { emailId } = await sendCardEmail(ctx(db, crm.actors.otherRestricted, now), input({ cardId: card.id, confirmEmpty: true }));
      expect(await refusal(getCardEmailOrThrow(db, crm.actors.restricted, emailId))).toMatchObject({ code: "email_not_found", kind: "not_found" });
      expect((await getCardEmailOrThrow(db, crm.actors.admin, emailId)).id).toBe(emailId);
      expect(await refusal(getCardEmailOrThrow(db, crm.actors.admin, "not-a-uuid"))).toMatchObject({ code: "email_not_found" });
    });

    it("refuses a trashed card", async () => {
      const { card } = await seedEmailCard(db, crm, { ownerId: crm.actors.normal.id, name: "Trashed" });
      await db.update(cards).set({ deletedAt: now }).where(eq(cards.id, card.id));
      expect(await refusal(sendCardEmail(anna(), input({ cardId: card.id, confirmEmpty: true })))).toMatchObject({ code: "card_not_found" });
    });
  });

  describe("who may email from a card: every role, on the cards they can see (the card of a Normal user in group Hungary)", () => {
    const table: [keyof Awaited<ReturnType<typeof seedCrm>>["actors"], boolean][] = [
      ["admin", true],
      ["manager", true],
      ["normal", true],
      ["groupManagerHu", true],
      ["restricted", false],
      ["otherRestricted", false],
      ["groupRestrictedRo", false],
    ];
    it.each(table)("%s: %s", async (role, allowed) => {
      const before = await counts();
      const attempt = sendCardEmail(ctx(db, crm.actors[role], now), input({ confirmEmpty: true }));
      if (allowed) {
        const { emailId } = await attempt;
        expect((await db.select().from(emails).where(eq(emails.id, emailId)))[0]).toMatchObject({ senderId: crm.actors[role].id, replyTo: crm.actors[role].email });
        expect(await counts()).toEqual({ emails: before.emails + 1, jobs: before.jobs + 1, history: before.history + 1 });
      } else {
        expect(await refusal(attempt)).toMatchObject({ code: "card_not_found", kind: "not_found" });
        expect(await counts()).toEqual(before);
      }
    });
  });
});
