import { expect, test } from "@playwright/test";
import { admin, chooseLanguage, inviteAndActivate, inviteUser, signIn } from "./fixtures";

/**
 * Issue 11's outbox story: with no mail transport configured (as in e2e), an invitation the admin
 * sends is emailed through the job runner and kept in the outbox; the admin sees it under
 * Settings → Outbox with the reason, sends it again (it comes back: still no transport), and reads
 * the page in Hungarian too. A manager may not open the outbox.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const invitee = { firstName: "Olga", lastName: "Outbox", email: `olga.outbox.${run}@nordlicht.test` };
const manager = { firstName: "Máté", lastName: "Manager", email: `mate.outbox.${run}@nordlicht.test`, password: "Mate-Outbox-2026!" };

test("an invitation without a mail transport waits in the outbox with its reason, and is sent again by hand", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const link = await inviteUser(page, invitee);
  expect(link).toContain("/set-password");

  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page).toHaveURL(/\/settings\/outbox$/);
  await expect(page.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("No mail transport is configured");

  const row = page.getByTestId("outbox-email").filter({ hasText: invitee.email });
  // The embedded runner delivers right after the invitation committed: no transport → kept.
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("Kept in the outbox", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(row).toContainText(`You are invited to ${admin.organisation}'s CRM`);
  await expect(row).toContainText("Not delivered: no mail transport configured.");
  await expect(row).toContainText("System email");

  await row.getByRole("button", { name: `Send again: You are invited to ${admin.organisation}'s CRM` }).click();
  await expect(row.getByRole("status")).toHaveText("Queued for sending.");
  // Still no transport: the runner keeps it in the outbox again.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("outbox-email").filter({ hasText: invitee.email })).toContainText("Kept in the outbox", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  await chooseLanguage(page, "Magyar");
  await expect(page.getByRole("heading", { name: "Kimenő tároló", level: 1 })).toBeVisible();
  await expect(page.getByTestId("outbox-email").filter({ hasText: invitee.email })).toContainText("Nincs kézbesítve: nincs beállítva levélküldés.");
  await expect(page.getByRole("button", { name: /^Újraküldés: / }).first()).toBeVisible();
  await chooseLanguage(page, "English");
});

test("a manager cannot open the outbox", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const managerPage = await inviteAndActivate(page, browser, manager, "Manager");
  const response = await managerPage.goto("/settings/outbox");
  expect(response?.status()).toBe(403);
  await expect(managerPage.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await managerPage.context().close();
});
