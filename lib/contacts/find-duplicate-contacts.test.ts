import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDb } from "@/test/db";
import { createContact } from "./create-contact";
import { findDuplicateContacts } from "./find-duplicate-contacts";
import { ctxFor, seedActor } from "./test-fixtures";
import { trashContact } from "./trash-contact";

describe("findDuplicateContacts", () => {
  let db: Db;
  let actor: Actor;
  let companyId: string;
  let personId: string;
  beforeAll(async () => {
    db = await createTestDb();
    actor = await seedActor(db, "admin@acme.test", "admin");
    const ctx = ctxFor(db, actor);
    companyId = (await createContact(ctx, { kind: "company", name: "Acme Kft.", emails: "info@acme.test", taxNumber: "11111111-2-41" })).contactId;
    personId = (await createContact(ctx, { kind: "person", lastName: "Szabó", firstName: "Éva", companyId, emails: "eva@acme.test, eva.szabo@mail.test" }))
      .contactId;
    const gone = await createContact(ctx, { kind: "company", name: "Gone Bt.", emails: "old@gone.test", taxNumber: "99999999-1-11" });
    await trashContact(ctx, { contactId: gone.contactId });
  });

  it("finds a contact by any of its emails, whatever the case", async () => {
    const found = await findDuplicateContacts(ctxFor(db, actor), { emails: "someone@else.test; EVA.Szabo@Mail.test" });
    expect(found).toEqual([
      expect.objectContaining({ id: personId, kind: "person", name: "Szabó Éva", companyName: "Acme Kft.", matchedBy: ["email"] }),
    ]);
  });

  it("finds a contact by tax number, within the kind when one is given", async () => {
    expect(await findDuplicateContacts(ctxFor(db, actor), { taxNumber: " 11111111-2-41 ", kind: "company" })).toEqual([
      expect.objectContaining({ id: companyId, matchedBy: ["tax_number"] }),
    ]);
    expect(await findDuplicateContacts(ctxFor(db, actor), { taxNumber: "11111111-2-41", kind: "person" })).toEqual([]);
  });

  it("reports both reasons once when email and tax number match the same contact", async () => {
    const found = await findDuplicateContacts(ctxFor(db, actor), { emails: ["info@acme.test"], taxNumber: "11111111-2-41" });
    expect(found).toEqual([expect.objectContaining({ id: companyId, matchedBy: ["email", "tax_number"] })]);
  });

  it("never reports trashed contacts, the contact being edited, or anything for empty input", async () => {
    expect(await findDuplicateContacts(ctxFor(db, actor), { emails: "old@gone.test", taxNumber: "99999999-1-11" })).toEqual([]);
    expect(await findDuplicateContacts(ctxFor(db, actor), { emails: "eva@acme.test", excludeId: personId })).toEqual([]);
    expect(await findDuplicateContacts(ctxFor(db, actor), {})).toEqual([]);
  });
});
