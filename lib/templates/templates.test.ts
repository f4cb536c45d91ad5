import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { emailTemplates, fields, modules, todoTemplates, users } from "@/db/schema";
import { refusal } from "@/lib/views/test-fixtures";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb } from "@/test/db";
import {
  createEmailTemplate,
  getEmailTemplateOrThrow,
  listEmailTemplates,
  restoreEmailTemplate,
  trashEmailTemplate,
  updateEmailTemplate,
} from "./email-templates";
import { listTrashedTemplates } from "./list-trashed-templates";
import { createTodoTemplate, listTodoTemplates, restoreTodoTemplate, todoFromTemplate, trashTodoTemplate, updateTodoTemplate } from "./todo-templates";

describe("email and todo templates", async () => {
  const db = await createTestDb();
  let crm: Awaited<ReturnType<typeof seedCrm>>;
  let otherFieldId: string;
  beforeAll(async () => {
    crm = await seedCrm(db);
    const [m] = await db.insert(modules).values({ name: "Service" }).returning();
    const [f] = await db.insert(fields).values({ moduleId: m.id, name: "Contract", type: "text" }).returning();
    otherFieldId = f.id;
  });
  const templateCount = async () => (await db.select({ id: emailTemplates.id }).from(emailTemplates)).length;
  const create = (over: Record<string, unknown> = {}, actor = crm.actors.manager) =>
    createEmailTemplate(ctx(db, actor), { moduleId: crm.module.id, name: `T ${crypto.randomUUID()}`, subject: "Offer for {{card.name}}", bodyHtml: "<p>Hello {{person.firstName}}</p>", ...over });
  const stored = async (id: string) => (await db.select().from(emailTemplates).where(eq(emailTemplates.id, id)))[0];

  describe("bad input: refused, naming what is wrong, nothing saved", () => {
    it("a 1 MB body", async () => {
      const before = await templateCount();
      expect(await refusal(create({ bodyHtml: `<p>${"x".repeat(1_000_000)}</p>` }))).toMatchObject({ code: "template_body_too_long", fields: { bodyHtml: "template_body_too_long" } });
      // Under the raw limit but over the stored one after sanitising.
      expect(await refusal(create({ bodyHtml: `<p>${"y".repeat(150_000)}</p>` }))).toMatchObject({ code: "template_body_too_long", fields: { bodyHtml: "template_body_too_long" } });
      expect(await templateCount()).toBe(before);
    });

    it("an unclosed variable, in the body and in the subject", async () => {
      const before = await templateCount();
      const body = await create({ bodyHtml: "<p>Dear {{card.name</p>" }).catch((e) => e);
      expect(body).toMatchObject({ code: "template_variable_unclosed", fields: { bodyHtml: "template_variable_unclosed" } });
      expect(body.details.variable).toContain("{{card.name");
      const subject = await create({ subject: "Hi {{card.name" }).catch((e) => e);
      expect(subject).toMatchObject({ code: "template_variable_unclosed", fields: { subject: "template_variable_unclosed" }, details: { variable: "{{card.name" } });
      expect(await templateCount()).toBe(before);
    });

    it("another module's field, a typo: unknown, named", async () => {
      const before = await templateCount();
      const other = await create({ bodyHtml: `<p>{{card.field.${otherFieldId}}}</p>` }).catch((e) => e);
      expect(other).toMatchObject({ code: "template_variable_unknown", fields: { bodyHtml: "template_variable_unknown" }, details: { variable: `card.field.${otherFieldId}` } });
      const typo = await create({ subject: "{{card.nmae}}" }).catch((e) => e);
      expect(typo).toMatchObject({ code: "template_variable_unknown", details: { variable: "card.nmae" } });
      expect(await templateCount()).toBe(before);
    });

    it("a subject with a newline, too long, empty; a body with nothing in it; an empty name", async () => {
      const before = await templateCount();
      expect(await refusal(create({ subject: "Hello\r\nBcc: evil@example.com" }))).toMatchObject({ code: "template_subject_newline", fields: { subject: "template_subject_newline" } });
      expect(await refusal(create({ subject: "s".repeat(201) }))).toMatchObject({ code: "too_long", fields: { subject: "too_long" } });
      expect(await refusal(create({ subject: "  " }))).toMatchObject({ code: "required", fields: { subject: "required" } });
      expect(await refusal(create({ bodyHtml: "<p> </p><script>alert(1)</script>" }))).toMatchObject({ code: "required", fields: { bodyHtml: "required" } });
      expect(await refusal(create({ name: " " }))).toMatchObject({ code: "required", fields: { name: "required" } });
      expect(await templateCount()).toBe(before);
    });

    it("Normal and Restricted users may not write templates; an unknown module", async () => {
      const before = await templateCount();
      expect(await refusal(create({}, crm.actors.normal))).toMatchObject({ kind: "forbidden" });
      expect(await refusal(create({}, crm.actors.restricted))).toMatchObject({ kind: "forbidden" });
      expect(await refusal(create({}, crm.actors.groupManagerHu))).toMatchObject({ kind: "forbidden" });
      expect(await refusal(create({ moduleId: crypto.randomUUID() }))).toMatchObject({ kind: "not_found", code: "module_not_found" });
      expect(await templateCount()).toBe(before);
    });
  });

  describe("sanitising on the server", () => {
    it("strips an onerror image, a javascript: link, scripts, styles, forms and iframes; keeps the editor's markup and chips", async () => {
      const { templateId } = await create({
        bodyHtml:
          '<h2 onclick="x()">Offer</h2><p><strong>Bold</strong> <em>it</em> <u>u</u> <img src=x onerror="alert(1)"> <a href="javascript:alert(1)">bad</a> <a href="https://example.com">good</a></p>' +
          '<ul><li>one</li></ul><ol><li>two</li></ol><script>steal()</script><style>body{background:url(https://evil)}</style><form action="https://evil"><input name=q></form><iframe src="https://evil"></iframe>' +
          '<p><span data-variable="card.name" style="color:red">{{card.name}}</span> <a href="data:text/html,hi">data</a></p>',
      });
      const { bodyHtml } = await stored(templateId);
      expect(bodyHtml).not.toMatch(/onerror|onclick|<img|javascript:|<script|steal|<style|evil|<form|<input|<iframe|data:|style=/i);
      expect(bodyHtml).toContain("<h2>Offer</h2>");
      expect(bodyHtml).toContain("<strong>Bold</strong> <em>it</em> <u>u</u>");
      expect(bodyHtml).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer">good</a>');
      expect(bodyHtml).toContain("<ul><li>one</li></ul><ol><li>two</li></ol>");
      expect(bodyHtml).toContain('<span data-variable="card.name">{{card.name}}</span>');
      // The javascript: link keeps its text, without the link.
      expect(bodyHtml).toMatch(/<a>bad<\/a>|bad/);
    });
  });

  describe("names, versions, trash and restore", () => {
    it("a name is unique per module among live templates, whatever its case; another module may reuse it", async () => {
      await create({ name: "Welcome" });
      expect(await refusal(create({ name: "welcome" }))).toMatchObject({ kind: "conflict", code: "template_name_taken", fields: { name: "template_name_taken" } });
      const [service] = await db.select().from(modules).where(eq(modules.name, "Service"));
      await expect(createEmailTemplate(ctx(db, crm.actors.admin), { moduleId: service.id, name: "Welcome", subject: "Hi", bodyHtml: "<p>Hi</p>" })).resolves.toMatchObject({ moduleId: service.id });
    });

    it("an update with a stale version changes nothing; a fresh one bumps the version", async () => {
      const { templateId, version } = await create({ name: "Versioned" });
      const save = (v: number, subject: string) => updateEmailTemplate(ctx(db, crm.actors.admin), { templateId, version: v, name: "Versioned", subject, bodyHtml: "<p>Body {{sender.name}}</p>" });
      await expect(save(version, "Second")).resolves.toMatchObject({ version: version + 1 });
      const stale = await save(version, "Third").catch((e) => e);
      expect(stale).toMatchObject({ kind: "conflict", code: "template_changed", details: { currentVersion: version + 1 } });
      expect((await stored(templateId)).subject).toBe("Second");
      expect(await refusal(save(version + 1, "Bad {{card.nope}}"))).toMatchObject({ code: "template_variable_unknown" });
      expect((await stored(templateId)).subject).toBe("Second");
      expect(await refusal(updateEmailTemplate(ctx(db, crm.actors.normal), { templateId, version: version + 1, name: "X", subject: "X", bodyHtml: "<p>x</p>" }))).toMatchObject({ kind: "forbidden" });
    });

    it("trash hides a template from the lists and get; restore brings it back, renamed if its name was taken", async () => {
      const { templateId } = await create({ name: "Seasonal" });
      const normal = ctx(db, crm.actors.normal);
      expect((await listEmailTemplates(normal, crm.module.id)).map((t) => t.id)).toContain(templateId);
      expect(await refusal(trashEmailTemplate(normal, { templateId }))).toMatchObject({ kind: "forbidden" });
      await trashEmailTemplate(ctx(db, crm.actors.manager), { templateId });
      expect((await listEmailTemplates(normal, crm.module.id)).map((t) => t.id)).not.toContain(templateId);
      expect(await refusal(getEmailTemplateOrThrow(normal, templateId))).toMatchObject({ kind: "not_found", code: "template_not_found" });
      const trash = await listTrashedTemplates(db, crm.actors.admin);
      expect(trash.items.find((t) => t.id === templateId)).toMatchObject({ kind: "email", name: "Seasonal", moduleName: "Sales HU", deletedByName: "Test manager" });
      await expect(listTrashedTemplates(db, crm.actors.normal)).rejects.toMatchObject({ kind: "forbidden" });

      await create({ name: "Seasonal" });
      const restored = await restoreEmailTemplate(ctx(db, crm.actors.admin), { templateId });
      expect(restored.name).toBe("Seasonal (2)");
      expect((await getEmailTemplateOrThrow(normal, templateId)).name).toBe("Seasonal (2)");
      expect(await refusal(restoreEmailTemplate(ctx(db, crm.actors.admin), { templateId }))).toMatchObject({ code: "template_not_found" });
    });

    it("the trash pages over both kinds of template, newest first, with nothing lost or repeated", async () => {
      const manager = crm.actors.manager;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const at = new Date(Date.UTC(2027, 0, 1, 0, 0, i));
        if (i % 2 === 0) {
          const { templateId } = await create({ name: `Paged ${i}` });
          await trashEmailTemplate(ctx(db, manager, at), { templateId });
          ids.push(templateId);
        } else {
          const { todoTemplateId } = await createTodoTemplate(ctx(db, manager), { moduleId: crm.module.id, text: `Paged todo ${i}` });
          await trashTodoTemplate(ctx(db, manager, at), { todoTemplateId });
          ids.push(todoTemplateId);
        }
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listTrashedTemplates(db, crm.actors.admin, { cursor, limit: 2 });
        seen.push(...page.items.map((t) => t.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.slice(0, 5)).toEqual([...ids].reverse());
      expect(new Set(seen).size).toBe(seen.length);
      await expect(listTrashedTemplates(db, crm.actors.admin, { cursor: "garbage" })).rejects.toMatchObject({ code: "invalid_input" });
    });

    it("everyone who may email reads templates; a malformed id is not found", async () => {
      const { templateId } = await create({ name: "Readable" });
      for (const actor of [crm.actors.restricted, crm.actors.groupRestrictedRo, crm.actors.normal]) {
        expect((await getEmailTemplateOrThrow(ctx(db, actor), templateId)).subject).toBe("Offer for {{card.name}}");
      }
      expect(await refusal(getEmailTemplateOrThrow(ctx(db, crm.actors.normal), "nope"))).toMatchObject({ code: "template_not_found" });
      expect(await listEmailTemplates(ctx(db, crm.actors.normal), "nope")).toEqual([]);
    });
  });

  describe("todo templates", () => {
    it("create, list, update, trash, restore; a chosen user must be active", async () => {
      const manager = ctx(db, crm.actors.manager);
      const { todoTemplateId, version } = await createTodoTemplate(manager, { moduleId: crm.module.id, text: "Call back", type: "call", deadlineDays: 2, deadlineTime: "14:30" });
      const listed = await listTodoTemplates(ctx(db, crm.actors.restricted), crm.module.id);
      expect(listed.find((t) => t.id === todoTemplateId)).toMatchObject({ text: "Call back", type: "call", deadlineDays: 2, deadlineTime: "14:30", assigneeRule: "card_owner", assigneeId: null });

      expect(await refusal(createTodoTemplate(ctx(db, crm.actors.normal), { moduleId: crm.module.id, text: "X" }))).toMatchObject({ kind: "forbidden" });
      expect(await refusal(createTodoTemplate(manager, { moduleId: crm.module.id, text: "X", assigneeRule: "user" }))).toMatchObject({ code: "required", fields: { assigneeId: "required" } });
      expect(await refusal(createTodoTemplate(manager, { moduleId: crm.module.id, text: "X", deadlineTime: "25:00" }))).toMatchObject({ code: "invalid_time" });
      await db.update(users).set({ deactivatedAt: new Date("2026-01-01") }).where(eq(users.id, crm.actors.otherRestricted.id));
      expect(await refusal(createTodoTemplate(manager, { moduleId: crm.module.id, text: "X", assigneeRule: "user", assigneeId: crm.actors.otherRestricted.id }))).toMatchObject({
        code: "inactive_user",
        fields: { assigneeId: "inactive_user" },
      });

      await updateTodoTemplate(manager, { todoTemplateId, version, text: "Call back soon", type: "call", deadlineDays: 1, deadlineTime: "08:15", assigneeRule: "user", assigneeId: crm.actors.normal.id });
      expect(await refusal(updateTodoTemplate(manager, { todoTemplateId, version, text: "Stale" }))).toMatchObject({ code: "template_changed" });
      const [row] = await db.select().from(todoTemplates).where(eq(todoTemplates.id, todoTemplateId));
      expect(row).toMatchObject({ text: "Call back soon", deadlineDays: 1, assigneeRule: "user", assigneeId: crm.actors.normal.id, version: version + 1 });

      await trashTodoTemplate(manager, { todoTemplateId });
      expect((await listTodoTemplates(manager, crm.module.id)).map((t) => t.id)).not.toContain(todoTemplateId);
      expect((await listTrashedTemplates(db, crm.actors.manager)).items.find((t) => t.id === todoTemplateId)).toMatchObject({ kind: "todo", name: "Call back soon" });
      await restoreTodoTemplate(manager, { todoTemplateId });
      expect((await listTodoTemplates(manager, crm.module.id)).map((t) => t.id)).toContain(todoTemplateId);
    });

    it("todoFromTemplate: days after today at the time, on the organisation's clock, across DST; the assignee by rule", () => {
      const template = { text: "Follow up", type: "email" as const, deadlineDays: 3, deadlineTime: "09:30:00", assigneeRule: "card_owner" as const, assigneeId: null };
      // 2026-03-27 23:30 in Budapest (22:30Z, CET): three days later is 03-30, after the switch to CEST.
      const now = new Date("2026-03-27T22:30:00Z");
      expect(todoFromTemplate(template, { now, timeZone: "Europe/Budapest", cardOwnerId: "owner-1" })).toEqual({
        text: "Follow up",
        type: "email",
        deadline: new Date("2026-03-30T07:30:00Z"),
        assigneeId: "owner-1",
      });
      expect(todoFromTemplate({ ...template, deadlineDays: 0, deadlineTime: "08:00" }, { now: new Date("2026-05-04T10:00:00Z"), timeZone: "Europe/Budapest", cardOwnerId: null })).toMatchObject({
        deadline: new Date("2026-05-04T06:00:00Z"),
        assigneeId: null,
      });
      expect(todoFromTemplate({ ...template, assigneeRule: "user", assigneeId: "chosen" }, { now, timeZone: "Europe/Budapest", cardOwnerId: "owner-1" }).assigneeId).toBe("chosen");
    });
  });
});
