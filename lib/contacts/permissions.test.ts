import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { roles, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDb } from "@/test/db";
import { createContact } from "./create-contact";
import { findDuplicateContacts } from "./find-duplicate-contacts";
import { getContactPageOrThrow } from "./get-contact-page";
import { listContacts } from "./list-contacts";
import { restoreContact } from "./restore-contact";
import { ctxFor, seedActor } from "./test-fixtures";
import { trashContact } from "./trash-contact";
import { updateContact } from "./update-contact";

type Verb = "list" | "findDuplicates" | "page" | "create" | "update" | "trash" | "restore";

// Contacts are shared master data: every role sees and edits them; trashing and restoring are narrower.
const allowed: Record<Verb, Role[]> = {
  list: [...roles],
  findDuplicates: [...roles],
  page: [...roles],
  create: [...roles],
  update: [...roles],
  trash: ["admin", "manager", "normal", "group_manager"],
  restore: ["admin", "manager", "group_manager"],
};

describe("contacts permissions, every role × every verb", () => {
  let db: Db;
  const actors = {} as Record<Role, Actor>;
  beforeAll(async () => {
    db = await createTestDb();
    for (const role of roles) actors[role] = await seedActor(db, `${role}@acme.test`, role);
  });

  const run = async (verb: Verb, actor: Actor) => {
    const ctx = ctxFor(db, actor);
    const { contactId } = await createContact(ctxFor(db, actors.admin), { kind: "company", name: `${verb} ${actor.role}` });
    switch (verb) {
      case "list":
        return listContacts(ctx, {});
      case "findDuplicates":
        return findDuplicateContacts(ctx, { emails: "x@y.test" });
      case "page":
        return getContactPageOrThrow(db, actor, contactId);
      case "create":
        return createContact(ctx, { kind: "person", lastName: "New", firstName: actor.role });
      case "update":
        return updateContact(ctx, { contactId, version: 1, kind: "company", name: "Renamed" });
      case "trash":
        return trashContact(ctx, { contactId });
      case "restore":
        await trashContact(ctxFor(db, actors.admin), { contactId });
        return restoreContact(ctx, { contactId });
    }
  };

  for (const [verb, roleList] of Object.entries(allowed) as [Verb, Role[]][]) {
    for (const role of roles) {
      const expected = roleList.includes(role);
      it(`${verb} by ${role}: ${expected ? "allowed" : "forbidden"}`, async () => {
        if (expected) await expect(run(verb, actors[role])).resolves.toBeDefined();
        else await expect(run(verb, actors[role])).rejects.toMatchObject({ kind: "forbidden" });
      });
    }
  }
});
