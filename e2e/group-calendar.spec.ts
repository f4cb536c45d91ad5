import { expect, test } from "@playwright/test";
import { admin, signIn } from "./fixtures";

const full = (day: string) => new Intl.DateTimeFormat("en", { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

test("an admin gives a group its own time zone and days off for automation timing", async ({ page }) => {
  const name = `Romania ${Date.now().toString(36)}`;
  await signIn(page, admin.email, admin.password);
  await page.goto("/settings/groups");
  await page.getByLabel("Group name").fill(name);
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByText(`Group ${name} has been created.`)).toBeVisible();

  const group = page.getByRole("region", { name });
  await group.getByText("Calendar", { exact: true }).click();
  await expect(group.getByText("No days off yet.")).toBeVisible();
  const zone = group.getByLabel("Time zone");
  await expect(zone).toHaveValue(""); // the organisation's
  await zone.selectOption("Europe/Bucharest");

  // A day must be chosen before it can be added.
  await group.getByRole("button", { name: "Add day" }).click();
  await expect(group.getByText("Enter a valid date.")).toBeVisible();
  const day = group.getByLabel("Day off", { exact: true });
  for (const d of ["2026-12-25", "2026-12-01", "2026-12-25"]) {
    await day.fill(d);
    await group.getByRole("button", { name: "Add day" }).click();
  }
  const days = group.getByRole("list", { name: `Days off of ${name}` });
  await expect(days.getByRole("listitem")).toHaveCount(2);
  await days.getByRole("button", { name: `Remove ${full("2026-12-01")}` }).click();
  await expect(days.getByRole("listitem")).toHaveCount(1);
  await expect(days.getByRole("listitem")).toContainText(full("2026-12-25"));
  await group.getByRole("button", { name: "Save calendar" }).click();
  await expect(group.getByText(`Calendar of ${name} saved.`)).toBeVisible();
  await group.screenshot({ path: "/tmp/group-calendar.png" });

  await page.reload();
  const saved = page.getByRole("region", { name });
  await expect(saved.getByText("Europe/Bucharest · 1 day off")).toBeVisible();
  await saved.getByText("Calendar", { exact: true }).click();
  await expect(saved.getByLabel("Time zone")).toHaveValue("Europe/Bucharest");
  await expect(saved.getByRole("list", { name: `Days off of ${name}` }).getByRole("listitem")).toHaveCount(1);

  // Back to the organisation's zone, without days off.
  await saved.getByLabel("Time zone").selectOption("");
  await saved.getByRole("button", { name: `Remove ${full("2026-12-25")}` }).click();
  await saved.getByRole("button", { name: "Save calendar" }).click();
  await expect(saved.getByText(`Calendar of ${name} saved.`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name }).getByText("Europe/Budapest · no days off")).toBeVisible();
});
