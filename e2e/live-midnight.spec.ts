import { expect, test } from "@playwright/test";
import { admin, createModule, expectNoReload, markPage, nextOrgMidnight, openLive, orgDateTime, signIn, testClock } from "./fixtures";

test.afterEach(({ request }) => testClock.reset(request));

test("at the organisation's midnight, tomorrow's todo moves to Today in My todos and in another browser's list, without a reload", async ({ page, browser, request }) => {
  await signIn(page, admin.email, admin.password);
  const listPath = await createModule(page, "Night shift");
  const midnight = nextOrgMidnight(await testClock.now(request));
  const tomorrow = orgDateTime(midnight);

  await page.goto(`${listPath}/new`);
  await page.getByLabel("Card name").fill("Warehouse lease");
  await page.getByLabel("Todo", { exact: true }).fill("Sign the warehouse lease");
  await page.getByLabel("Date").fill(tomorrow.date);
  await page.getByLabel("Time").fill("10:00");
  await page.getByRole("button", { name: "Create card" }).click();
  await expect(page).toHaveURL(/\/cards\//);

  const todos = await openLive(page.context(), "/todos");
  const group = (name: string) => todos.getByRole("region", { name: new RegExp(`^${name}`) });
  await expect(group("Tomorrow").getByText("Sign the warehouse lease", { exact: true })).toBeVisible();
  const otherBrowser = await (await browser.newContext()).newPage();
  await signIn(otherBrowser, admin.email, admin.password);
  const list = await openLive(otherBrowser.context(), listPath);
  const row = list.getByRole("row", { name: /Warehouse lease/ });
  await expect(row.getByText(/^Tomorrow 10:00/)).toBeVisible();
  for (const p of [todos, list]) await markPage(p);

  // A few seconds before midnight; then the day rolls over in both browsers by itself.
  await testClock.set(request, new Date(midnight.getTime() - 3000));
  await expect(group("Today").getByText("Sign the warehouse lease", { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(group("Tomorrow").getByText("Sign the warehouse lease", { exact: true })).toHaveCount(0);
  await expect(row.getByText(/^Today 10:00/)).toBeVisible();
  await expect(row.locator("[data-state]")).toHaveAttribute("data-state", "today");
  for (const p of [todos, list]) await expectNoReload(p);
  await list.context().close();
});
