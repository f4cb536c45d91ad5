import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emails, jobs, users } from "@/db/schema";
import { issuePasswordReset } from "@/lib/users/issue-password-reset";
import { inviteUser } from "@/lib/users/invite-user";
import { reissueInvitation } from "@/lib/users/reissue-invitation";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestDb, testDbKind } from "@/test/db";
import { emailJobKey } from "./queue-email";
import { appUrl } from "./system-email";

describe(`invitation and password-reset emails (${testDbKind})`, () => {
  it("an invitation is queued as a system email carrying the same link the admin sees, in the organisation's language", async () => {
    const db = await createTestDb();
    const { actors } = await seedCrm(db); // organisation default locale: en
    const admin = ctx(db, actors.admin);
    const invited = await inviteUser(admin, { email: "new@example.com", lastName: "Kiss", firstName: "Anna", role: "normal", groupIds: [] });
    const [email] = await db.select().from(emails).where(eq(emails.id, invited.emailId));
    expect(email).toMatchObject({ kind: "system", state: "queued", toAddress: "new@example.com", toName: "Anna Kiss", fromName: "Test Kft.", cardId: null });
    expect(email.subject).toBe("You are invited to Test Kft.'s CRM");
    const link = `${appUrl()}${invited.linkPath}`;
    expect(email.html).toContain(`href="${link}"`);
    expect(email.text).toContain(link);
    expect((await db.select().from(jobs).where(eq(jobs.key, emailJobKey(email.id))))[0].state).toBe("pending");

    const again = await reissueInvitation(admin, { userId: invited.userId });
    expect(again.emailId).not.toBe(invited.emailId);
    expect((await db.select().from(emails).where(eq(emails.id, again.emailId)))[0].html).toContain(again.linkPath);

    await db.update(users).set({ locale: "hu" }).where(eq(users.id, actors.normal.id));
    const reset = await issuePasswordReset(admin, { userId: actors.normal.id });
    const [resetEmail] = await db.select().from(emails).where(eq(emails.id, reset.emailId));
    expect(resetEmail.subject).toBe("Új jelszó a(z) Test Kft. CRM-jéhez");
    expect(resetEmail.toName).toBe("Test normal");
    expect(resetEmail.html).toContain(reset.linkPath);
  });

  it("a refused invitation stores no email", async () => {
    const db = await createTestDb();
    const { actors } = await seedCrm(db);
    await expect(inviteUser(ctx(db, actors.admin), { email: "admin@test.hu", lastName: "X", firstName: "Y", role: "normal", groupIds: [] })).rejects.toMatchObject({ code: "email_taken" });
    await expect(inviteUser(ctx(db, actors.normal), { email: "z@example.com", lastName: "X", firstName: "Y", role: "normal", groupIds: [] })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.select().from(emails)).toEqual([]);
  });

  it("APP_URL makes the links absolute", () => {
    expect(appUrl({ APP_URL: "https://crm.example.org/" })).toBe("https://crm.example.org");
    expect(appUrl({ PORT: "3410" })).toBe("http://localhost:3410");
  });
});
