import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { readZip } from "../test/read-zip";
import { admin, createModule, inviteAndActivate, signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const moduleName = `Árajánlatok ${stamp}`;
const cardName = `Őszibarack Kft. tükörfúrógép ${stamp}`;

test("an admin downloads the full export, and its cards CSV opens with the right accents", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await createModule(page, moduleName);
  await page.getByRole("link", { name: "New card" }).first().click();
  await page.getByLabel("Card name").fill(cardName);
  await page.getByLabel("Todo", { exact: true }).fill("Küldd el az árajánlatot");
  await page.getByRole("button", { name: "Create card" }).click();
  await expect(page).toHaveURL(/\/cards\/[0-9a-f-]+$/);

  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Export" }).click();
  await expect(page.getByRole("heading", { name: "Export", level: 1 })).toBeVisible();
  await page.getByLabel("Semicolon (;) — for Hungarian Excel").check();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the export" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^crm-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = readZip(await readFile((await download.path())!));

  const cardsCsv = [...zip.entries()].find(([name]) => name.startsWith("csv/cards/") && name.endsWith(`${moduleName}.csv`));
  expect(cardsCsv, "the module's cards CSV").toBeTruthy();
  const text = cardsCsv![1].toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff); // Excel reads it as UTF-8
  expect(text).toContain(`;${cardName};`); // accents intact, Hungarian Excel's separator
  expect(zip.get("csv/users.csv")!.toString("utf8")).toContain(admin.email);
  expect([...zip.values()].some((b) => b.includes("$argon2"))).toBe(false); // no password hashes

  // The export is recorded: who, when, finished.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("export-row").first()).toContainText("Finished");
  }).toPass({ timeout: 20_000 });
});

test("nobody but an admin can export: not the page, not the download", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const manager = await inviteAndActivate(page, browser, { firstName: "Márta", lastName: "Export", email: `marta.${stamp}@nordlicht.test`, password: "Marta-Manager-2026" }, "Manager");
  const pageResponse = await manager.goto("/settings/export");
  expect([403, 404]).toContain(pageResponse?.status());
  const origin = new URL(manager.url()).origin;
  const post = await manager.request.post("/api/export", { form: { separator: "," }, headers: { Origin: origin } });
  expect(post.status()).toBe(403);
  // An admin's cookie from another site's form is refused too.
  const foreign = await page.request.post("/api/export", { form: { separator: "," }, headers: { Origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  await manager.context().close();
});
