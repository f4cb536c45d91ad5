import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cards, fieldTypes } from "@/db/schema";
import { createTestDb } from "@/test/db";
import { addField } from "./add-field";
import { archiveModule, restoreModule } from "./archive-module";
import { archiveField, restoreField } from "./archive-field";
import { createModule } from "./create-module";
import { validateFieldValues } from "./field-values";
import { getModuleConfigOrThrow } from "./get-module-config";
import { reorderFields } from "./reorder-fields";
import { ctxFor, seedActor, seedOrganisation, snapshot } from "./test-fixtures";
import { updateField } from "./update-field";

const now = new Date("2026-03-02T09:00:00Z");

describe("fields", async () => {
  const db = await createTestDb();
  await seedOrganisation(db, "hu");
  const admin = await seedActor(db, "admin");
  const ctx = ctxFor(db, admin, now);
  const { moduleId, statusIds } = await createModule(ctx, { name: "Értékesítés" });
  const config = () => getModuleConfigOrThrow(db, moduleId);

  it("adds a field of every type at the end, with type-specific options", async () => {
    for (const type of fieldTypes) {
      const choices = type === "select" || type === "multi_select" ? ["Small", "Large"] : undefined;
      await addField(ctx, { moduleId, name: `My ${type}`, type, choices });
    }
    const fields = (await config()).fields;
    expect(fields.map((f) => [f.name, f.type, f.position, f.required])).toEqual(fieldTypes.map((t, i) => [`My ${t}`, t, i, false]));
    const byType = Object.fromEntries(fields.map((f) => [f.type, f.options]));
    expect(byType.money).toEqual({ currency: "HUF" });
    expect(byType.select.choices!.map((c) => c.label)).toEqual(["Small", "Large"]);
    expect(byType.multi_select.choices!.map((c) => c.label)).toEqual(["Small", "Large"]);
    expect(byType.text).toEqual({});
    expect(new Set([...byType.select.choices!, ...byType.multi_select.choices!].map((c) => c.id)).size).toBe(4);
  });

  it("takes form input: a required checkbox, choices one per line, a currency in any case", async () => {
    const field = await addField(ctx, { moduleId, name: "Source", type: "select", required: "on", choices: "Web\r\n\n Phone \nFair\n" });
    expect(field).toMatchObject({ required: true, options: { choices: [{ label: "Web" }, { label: "Phone" }, { label: "Fair" }] } });
    const price = await addField(ctx, { moduleId, name: "Price", type: "money", currency: "eur", required: ["false", "true"] });
    expect(price).toMatchObject({ required: true, options: { currency: "EUR" } });
    const note = await addField(ctx, { moduleId, name: "Note", type: "long_text", required: "false", choices: "ignored", currency: "" });
    expect(note).toMatchObject({ required: false, options: {} });
  });

  it("refuses selects without choices or with twice the same choice, taken names and bad options, changing nothing", async () => {
    const before = await snapshot(db);
    await expect(addField(ctx, { moduleId, name: "Size", type: "select" })).rejects.toMatchObject({ code: "choices_required", fields: { choices: "choices_required" } });
    await expect(addField(ctx, { moduleId, name: "Size", type: "multi_select", choices: "\n \n" })).rejects.toMatchObject({ code: "choices_required" });
    await expect(addField(ctx, { moduleId, name: "Size", type: "select", choices: ["S", "s"] })).rejects.toMatchObject({ code: "duplicate_choice" });
    await expect(addField(ctx, { moduleId, name: "source", type: "text" })).rejects.toMatchObject({ code: "field_name_taken", fields: { name: "field_name_taken" } });
    await expect(addField(ctx, { moduleId, name: "Cost", type: "money", currency: "EURO" })).rejects.toMatchObject({ issues: [{ message: "invalid_currency" }] });
    await expect(addField(ctx, { moduleId, name: "Odd", type: "colour" as never })).rejects.toMatchObject({ issues: [{ message: "invalid_input", path: ["type"] }] });
    expect(await snapshot(db)).toEqual(before);
  });

  it("renames choices and adds new ones, keeping every choice's id, so card values stay valid", async () => {
    const source = (await config()).fields.find((f) => f.name === "Source")!;
    const [web, phone, fair] = source.options.choices!;
    const [card] = await db.insert(cards).values({ moduleId, statusId: statusIds[0], name: "Deal", values: { [source.id]: phone.id } }).returning();

    const result = await updateField(ctx, { fieldId: source.id, choices: [{ id: phone.id, label: "Telephone" }], newChoices: "Referral\nPartner" });
    const choices = result.changed.options!.choices!;
    expect(choices.slice(0, 3)).toEqual([web, { id: phone.id, label: "Telephone" }, fair]);
    expect(choices.slice(3).map((c) => c.label)).toEqual(["Referral", "Partner"]);

    // As the edit form sends it: parallel repeated inputs.
    await updateField(ctx, { fieldId: source.id, choiceIds: [web.id, phone.id], choiceLabels: ["Website", "Telephone"], newChoices: "" });
    const after = (await config()).fields.find((f) => f.id === source.id)!;
    expect(after.options.choices!.map((c) => c.id)).toEqual(choices.map((c) => c.id));
    expect(after.options.choices![0]).toEqual({ id: web.id, label: "Website" });

    const [stored] = await db.select().from(cards).where(eq(cards.id, card.id));
    expect(stored.values).toEqual({ [source.id]: phone.id });
    expect(validateFieldValues((await config()).fields, { [source.id]: phone.id }, { partial: true })).toEqual({ [source.id]: phone.id });

    const before = await snapshot(db);
    await expect(updateField(ctx, { fieldId: source.id, newChoices: "website" })).rejects.toMatchObject({ code: "duplicate_choice" });
    await expect(updateField(ctx, { fieldId: source.id, choices: [{ id: "nope", label: "X" }] })).rejects.toMatchObject({ code: "unknown_choice" });
    await expect(updateField(ctx, { fieldId: source.id, choiceIds: web.id, choiceLabels: " " })).rejects.toMatchObject({ issues: [{ message: "required", path: ["choices", 0, "label"] }] });
    await expect(updateField(ctx, { fieldId: source.id, type: "text" })).rejects.toMatchObject({ code: "field_type_fixed" });
    const note = (await config()).fields.find((f) => f.name === "Note")!;
    await expect(updateField(ctx, { fieldId: note.id, newChoices: "A" })).rejects.toMatchObject({ code: "invalid_input" });
    expect(await snapshot(db)).toEqual(before);
  });

  it("renames a field, makes it required, changes a money field's currency, but not to a taken name", async () => {
    const price = (await config()).fields.find((f) => f.name === "Price")!;
    expect(await updateField(ctx, { fieldId: price.id, name: "Deal value", required: "false", currency: "huf", type: "money" })).toEqual({
      fieldId: price.id,
      moduleId,
      changed: { name: "Deal value", required: false, options: { currency: "HUF" } },
    });
    expect(await updateField(ctx, { fieldId: price.id, name: "Deal value" })).toMatchObject({ changed: {} });
    await expect(updateField(ctx, { fieldId: price.id, name: "NOTE" })).rejects.toMatchObject({ code: "field_name_taken" });
    await expect(updateField(ctx, { fieldId: crypto.randomUUID(), name: "X" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps a card's values through a field's rename, archive and restore", async () => {
    const text = (await config()).fields.find((f) => f.type === "text")!;
    const [card] = await db.insert(cards).values({ moduleId, statusId: statusIds[0], name: "Kept", values: { [text.id]: "hello" } }).returning();
    await updateField(ctx, { fieldId: text.id, name: "Greeting" });
    expect(await archiveField(ctx, { fieldId: text.id })).toEqual({ fieldId: text.id, moduleId, changed: true });
    expect(await archiveField(ctx, { fieldId: text.id })).toEqual({ fieldId: text.id, moduleId, changed: false });
    expect((await config()).fields.find((f) => f.id === text.id)).toMatchObject({ name: "Greeting", archived: true, archivedAt: now });
    expect((await db.select().from(cards).where(eq(cards.id, card.id)))[0]).toEqual(card);
    await expect(updateField(ctx, { fieldId: text.id, name: "Hi" })).rejects.toMatchObject({ code: "field_archived" });

    expect(await restoreField(ctx, { fieldId: text.id })).toMatchObject({ changed: true });
    expect((await config()).fields.find((f) => f.id === text.id)).toMatchObject({ archived: false, position: 0 });
    expect((await db.select().from(cards).where(eq(cards.id, card.id)))[0].values).toEqual({ [text.id]: "hello" });
  });

  it("reorders fields with exactly the module's fields", async () => {
    const ids = (await config()).fields.map((f) => f.id);
    await archiveField(ctx, { fieldId: ids[1] });
    const rotated = [...ids.slice(1), ids[0]];
    expect(await reorderFields(ctx, { moduleId, fieldIds: rotated })).toEqual({ moduleId, fieldIds: rotated });
    expect((await config()).fields.map((f) => f.id)).toEqual(rotated);
    await expect(reorderFields(ctx, { moduleId, fieldIds: rotated.slice(1) })).rejects.toMatchObject({ code: "stale_order" });
    await expect(reorderFields(ctx, { moduleId, fieldIds: [...rotated, rotated[0]] })).rejects.toMatchObject({ code: "stale_order" });
  });

  it("freezes the fields of an archived module until it is restored", async () => {
    const [first] = (await config()).fields;
    await archiveModule(ctx, { moduleId });
    const before = await snapshot(db);
    await expect(addField(ctx, { moduleId, name: "Later", type: "text" })).rejects.toMatchObject({ code: "module_archived" });
    await expect(updateField(ctx, { fieldId: first.id, name: "Later" })).rejects.toMatchObject({ code: "module_archived" });
    await expect(archiveField(ctx, { fieldId: first.id })).rejects.toMatchObject({ code: "module_archived" });
    expect(await snapshot(db)).toEqual(before);
    await restoreModule(ctx, { moduleId });
  });
});
