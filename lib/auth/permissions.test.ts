import { describe, expect, it } from "vitest";
import { roles, type Role } from "@/db/schema";
import { actions, can, type Action } from "./permissions";

const Y = true;
const N = false;
// The whole table, spelled out: a change to any cell must be a deliberate change here too.
//                          admin manager normal restricted group_manager group_restricted
const expected: Record<Action, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
  "settings.view": /*       */ [Y, N, N, N, N, N],
  "users.invite": /*        */ [Y, N, N, N, N, N],
  "users.change_role": /*   */ [Y, N, N, N, N, N],
  "users.deactivate": /*    */ [Y, N, N, N, N, N],
  "users.reactivate": /*    */ [Y, N, N, N, N, N],
  "users.reset_password": /**/ [Y, N, N, N, N, N],
  "groups.manage": /*       */ [Y, N, N, N, N, N],
  "reports.view": /*        */ [Y, Y, N, N, Y, N],
  "reports.configure": /*   */ [Y, N, N, N, N, N],
  "contacts.view": /*       */ [Y, Y, Y, Y, Y, Y],
  "todos.view": /*          */ [Y, Y, Y, Y, Y, Y],
  "profile.update": /*      */ [Y, Y, Y, Y, Y, Y],
  "modules.manage": /*      */ [Y, N, N, N, N, N],
  "cards.view": /*          */ [Y, Y, Y, Y, Y, Y],
  "cards.create": /*        */ [Y, Y, Y, Y, Y, Y],
  "cards.update": /*        */ [Y, Y, Y, Y, Y, Y],
  "cards.trash": /*         */ [Y, Y, Y, N, Y, N],
  "todos.manage": /*        */ [Y, Y, Y, Y, Y, Y],
  "contacts.update": /*     */ [Y, Y, Y, Y, Y, Y],
  "contacts.trash": /*      */ [Y, Y, Y, N, Y, N],
  "trash.view": /*          */ [Y, Y, N, N, Y, N],
  "trash.restore": /*       */ [Y, Y, N, N, Y, N],
  "templates.manage": /*    */ [Y, Y, N, N, N, N],
  "email.send": /*          */ [Y, Y, Y, Y, Y, Y],
  "email.bulk_send": /*     */ [Y, Y, N, N, Y, N],
  "email.admin": /*         */ [Y, N, N, N, N, N],
  "automations.manage": /*   */ [Y, Y, N, N, Y, N],
  "documents.view": /*       */ [Y, Y, Y, Y, Y, Y],
  "documents.attach": /*     */ [Y, Y, Y, Y, Y, Y],
  "documents.manage": /*     */ [Y, Y, N, N, Y, N],
  "imports.run": /*          */ [Y, Y, N, N, N, N],
  "exports.run": /*          */ [Y, N, N, N, N, N],
};

describe("can(actor, action)", () => {
  it("has a row for every action", () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
  });

  for (const action of actions) {
    roles.forEach((role: Role, i) => {
      const allowed = expected[action][i];
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can({ id: "u1", role }, action)).toBe(allowed);
      });
    });
  }

  it("lets nobody update another user's profile, not even an admin", () => {
    for (const role of roles) {
      expect(can({ id: "u1", role }, "profile.update", { userId: "u1" })).toBe(true);
      expect(can({ id: "u1", role }, "profile.update", { userId: "u2" })).toBe(false);
    }
  });
});
