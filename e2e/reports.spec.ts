import { expect, test, type Page } from "@playwright/test";
import { postServerAction } from "./server-action";
import { admin, createModuleWithField, inviteAndActivate, openLive, orgDateTime, signIn, testClock } from "./fixtures";

/**
 * Issue 14's story: two country teams' deals of last month, written while the server's clock stood in
 * that month; a manager compares the teams, drills into a salesperson's won cards and downloads the CSV;
 * a group manager sees only their own team, and cannot ask for the other one.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const person = (first: string, last: string, role: string) => ({
  firstName: first,
  lastName: `${last}${run}`,
  email: `${first.toLowerCase()}.reports.${run}@nordlicht.test`,
  password: `${first}-Reports-2026!`,
  role,
});
const manager = person("Mirjam", "Manager", "Manager");
const lead = person("Greta", "Lead", "Group manager");
const niko = person("Niko", "North", "Normal");
const sven = person("Sven", "South", "Normal");
const north = `North ${run}`;
const south = `South ${run}`;
const moduleName = `Report desk ${run}`;
const fullName = (p: { firstName: string; lastName: string }) => `${p.lastName} ${p.firstName}`;
let moduleId = "";

async function createGroup(page: Page, name: string, members: { firstName: string; lastName: string }[]) {
  await page.goto("/settings/groups");
  await page.getByLabel("Group name").fill(name);
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByText(`Group ${name} has been created.`)).toBeVisible();
  const group = page.getByRole("region", { name });
  await group.getByText("Edit members").click();
  for (const m of members) await group.getByRole("checkbox", { name: fullName(m) }).check();
  await group.getByRole("button", { name: "Save members" }).click();
  await expect(group.getByText("Members saved.")).toBeVisible();
}

async function createCard(page: Page, card: { name: string; status: string; owner: string; value: string; todo?: { text: string; due: Date } }) {
  await page.goto(`/modules/${moduleId}/new`);
  await page.getByLabel("Card name").fill(card.name);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: card.status });
  await page.getByLabel("Owner", { exact: true }).selectOption({ label: card.owner });
  await page.getByLabel("Deal value", { exact: true }).fill(card.value);
  if (card.todo) {
    await page.getByLabel("Todo", { exact: true }).fill(card.todo.text);
    await page.getByLabel("Assignee").selectOption({ label: card.owner });
    const { date, time } = orgDateTime(card.todo.due);
    await page.getByLabel("Date").fill(date);
    await page.getByLabel("Time").fill(time);
  } else await page.getByLabel("Add a first todo").uncheck();
  await page.getByRole("button", { name: "Create card" }).click();
  await expect(page).toHaveURL(/\/cards\/[0-9a-f-]+$/);
}

/** The 10th of last month, 10:00 UTC: inside last month on every calendar. */
function lastMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 10));
}

test("an admin sets up two country teams, and last month's deals are worked", async ({ page, browser, request }) => {
  await signIn(page, admin.email, admin.password);
  for (const p of [manager, lead, niko, sven]) await (await inviteAndActivate(page, browser, p, p.role)).context().close();
  await createGroup(page, north, [lead, niko]);
  await createGroup(page, south, [sven]);

  moduleId = await createModuleWithField(page, moduleName, { name: "Deal value", type: "Money" });

  await testClock.set(request, lastMonth(await testClock.now(request)));
  try {
    await createCard(page, { name: `Fjord deal ${run}`, status: "Won", owner: fullName(niko), value: "1000000" });
    await createCard(page, { name: `Glacier deal ${run}`, status: "Won", owner: fullName(niko), value: "500000" });
    // Open, with a todo due last month: overdue ever since.
    await createCard(page, {
      name: `Harbour lead ${run}`,
      status: "New lead",
      owner: fullName(niko),
      value: "0",
      todo: { text: `Call the harbour ${run}`, due: new Date(lastMonth(new Date()).getTime() + 86_400_000) },
    });
    await createCard(page, { name: `Olive deal ${run}`, status: "Won", owner: fullName(sven), value: "2000000" });
    await createCard(page, { name: `Lemon deal ${run}`, status: "Lost", owner: fullName(sven), value: "300000" });
  } finally {
    await testClock.reset(request);
  }
});

test("a manager compares the teams in last month's report, drills into a salesperson's won cards and downloads the CSV", async ({ page }) => {
  await signIn(page, manager.email, manager.password);
  await page.getByRole("link", { name: "Reports" }).first().click();
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  const filters = page.getByRole("form", { name: "Report" });
  await expect(filters.getByLabel("Period", { exact: true })).toHaveValue("last_month");
  await filters.getByRole("checkbox", { name: moduleName }).check();
  await filters.getByRole("checkbox", { name: "Compare with the previous period" }).check();
  await filters.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/compare=1/);

  const groups = page.getByRole("table", { name: "Groups" });
  const row = (table: typeof groups, name: string) => table.getByRole("row", { name: new RegExp(name) });
  // Columns: Created, Status changes, Won, Won value, Lost, Lost value, Win rate …
  await expect(row(groups, north).getByRole("cell").nth(0)).toHaveText("3");
  await expect(row(groups, north).getByRole("cell").nth(2)).toHaveText("2");
  await expect(row(groups, north).getByRole("cell").nth(3)).toHaveText(/1,500,000/);
  await expect(row(groups, south).getByRole("cell").nth(2)).toHaveText("1");
  await expect(row(groups, south).getByRole("cell").nth(4)).toHaveText("1");
  await expect(row(groups, south).getByRole("cell").nth(6)).toHaveText("50%");

  // The same numbers in the chart's table.
  const chart = page.getByRole("figure", { name: "Created, won and lost per group" });
  await chart.getByText("Show the numbers").click();
  await expect(chart.getByRole("row", { name: new RegExp(`${north} 3 2 0`) })).toBeVisible();

  // The leaderboard sorts by a column heading, by keyboard too.
  const people = page.getByRole("table", { name: "Salespeople" });
  await people.getByRole("button", { name: "Sort by Won value" }).press("Enter");
  await expect(people.getByRole("columnheader", { name: /Won value/ })).toHaveAttribute("aria-sort", "descending");
  await expect(people.locator("tbody tr").first()).toContainText(fullName(sven));

  // Drill into Niko's won cards.
  await row(people, fullName(niko)).getByRole("cell").nth(2).getByRole("link", { name: "2" }).click();
  await expect(page.getByRole("heading", { name: "Cards behind the number" })).toBeVisible();
  await expect(page.getByText(`Won · ${fullName(niko)}`)).toBeVisible();
  const cards = page.getByRole("table", { name: "Cards behind the number" });
  await expect(cards.locator("tbody tr")).toHaveCount(2);
  await cards.getByRole("link", { name: `Fjord deal ${run}` }).click();
  await expect(page.getByRole("heading", { name: `Fjord deal ${run}` })).toBeVisible();
  await page.goBack();
  await page.getByRole("link", { name: "Back to the report" }).click();

  // The CSV: the leaderboard's numbers, UTF-8 with a BOM, with semicolons for Hungarian Excel.
  const csvForm = page.getByRole("form", { name: "Download CSV" });
  await csvForm.getByLabel("Download CSV").selectOption({ label: "Groups" });
  await csvForm.getByRole("checkbox", { name: /Semicolons/ }).check();
  const [download] = await Promise.all([page.waitForEvent("download"), csvForm.getByRole("button", { name: "Download" }).click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(csv.startsWith("\uFEFFGroup;People;Cards created;")).toBe(true);
  expect(csv).toContain(`${north};2;3;0;2;1500000;0;0;`);
  expect(csv).toContain(`${south};1;2;0;1;2000000;1;300000;`);
});

test("a group manager sees only their own team, and is refused the other by URL and by CSV", async ({ page }) => {
  await signIn(page, lead.email, lead.password);
  await page.goto("/reports");
  const filters = page.getByRole("form", { name: "Report" });
  await expect(filters.getByRole("checkbox", { name: north })).toBeVisible();
  await expect(filters.getByRole("checkbox", { name: south })).toHaveCount(0);
  await filters.getByRole("checkbox", { name: moduleName }).check();
  await filters.getByRole("button", { name: "Show report" }).click();
  const people = page.getByRole("table", { name: "Salespeople" });
  await expect(row(people, fullName(niko))).toBeVisible();
  await expect(people.getByText(fullName(sven))).toHaveCount(0);

  // The other team's id, taken from the admin's view of the settings, asked for directly.
  const southId = await groupId(page, south);
  expect(southId).toBeNull(); // not even listed for a group manager
  const adminPage = await (await page.context().browser()!.newContext()).newPage();
  await signIn(adminPage, admin.email, admin.password);
  const id = await groupId(adminPage, south);
  await adminPage.context().close();
  const refused = await page.goto(`/reports?period=last_month&group=${id}`);
  expect(refused?.status()).toBe(403);
  expect((await page.request.get(`/reports/csv?period=last_month&group=${id}`)).status()).toBe(403);
  expect((await page.request.get(`/reports/cards?period=last_month&group=${id}&metric=won`)).status()).toBe(403);
});

test("a manager's home is the dashboard; its overdue count changes live when a colleague completes a todo", async ({ page, browser }) => {
  await signIn(page, manager.email, manager.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const dashboard = await openLive(page.context(), "/dashboard");
  const overdue = dashboard.getByRole("table", { name: "Overdue todos now" });
  await expect(overdue.getByRole("row", { name: new RegExp(`${fullName(niko)} 1$`) })).toBeVisible();
  await expect(dashboard.getByRole("region", { name: "Open pipeline" }).getByRole("table", { name: moduleName })).toBeVisible();

  const colleague = await (await browser.newContext()).newPage();
  await signIn(colleague, niko.email, niko.password);
  await expect(colleague).toHaveURL(/\/todos$/); // a salesperson's home stays My todos
  await colleague.getByRole("button", { name: `Complete: Call the harbour ${run}`, exact: true }).click();
  await expect(overdue.getByRole("row", { name: new RegExp(fullName(niko)) })).toHaveCount(0); // no reload

  // A salesperson reaches none of it: not the pages, not the CSV, not the drill-down.
  for (const path of ["/dashboard", "/reports", "/reports/cards?metric=won", "/settings/reports"])
    expect((await colleague.goto(path))?.status(), path).toBe(403);
  expect((await colleague.request.get("/reports/csv?table=leaderboard")).status()).toBe(403);
  await colleague.context().close();
});

test("an admin keeps a month's exchange rate under Settings → Reports; a manager may not open it", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/settings/reports");
  const form = page.getByRole("form", { name: "Save rate" });
  await form.getByLabel("Currency").fill("EU");
  await form.getByRole("button", { name: "Save rate" }).click();
  await expect(form.getByText("Enter a three-letter currency code", { exact: false })).toBeVisible();
  await form.getByLabel("Currency").fill("RON");
  await form.getByLabel("Month").fill("2026-10");
  await form.getByLabel("Rate").fill("78,5");
  await form.getByRole("button", { name: "Save rate" }).click();
  await expect(form.getByText("Rate saved.")).toBeVisible();
  const rates = page.getByRole("table", { name: "Rates" });
  await expect(rates.getByRole("row", { name: /RON October 2026 78\.5 HUF/ })).toBeVisible();
  await rates.getByRole("button", { name: "Remove the rate of RON for October 2026" }).click();
  await expect(rates.getByRole("row", { name: /RON October 2026/ })).toHaveCount(0);

  const managerPage = await (await browser.newContext()).newPage();
  await signIn(managerPage, manager.email, manager.password);
  expect((await managerPage.goto("/settings/reports"))?.status()).toBe(403);
  // The action itself, replayed by hand with the manager's session: refused on the server, nothing saved.
  const { body } = await postServerAction(managerPage.request, {
    page: "/settings/reports",
    filename: "app/(app)/settings/reports/actions.ts",
    exportedName: "setRateAction",
    args: [null, { currency: "RON", month: "2026-10", rate: "1" }],
  });
  expect(body).toContain('"error":"forbidden"');
  await managerPage.context().close();
  await page.reload();
  await expect(page.getByRole("table", { name: "Rates" }).getByRole("row", { name: /RON October 2026/ })).toHaveCount(0);
});

test("a custom period that ends before it starts is refused with a clear message", async ({ page }) => {
  await signIn(page, manager.email, manager.password);
  await page.goto("/reports?period=custom&from=2026-10-31&to=2026-10-01");
  const refusal = page.getByRole("alert").filter({ hasText: "This report cannot be shown" });
  await expect(refusal).toContainText("The period ends before it starts.");
  await page.goto("/reports?period=custom&from=2020-01-01&to=2026-01-02");
  await expect(refusal).toContainText("five years at most");
});

const row = (table: ReturnType<Page["getByRole"]>, name: string) => table.getByRole("row", { name: new RegExp(name) });

/** A group's id from its checkbox on the Reports page (null when the reader may not pick it). */
async function groupId(page: Page, name: string): Promise<string | null> {
  await page.goto("/reports");
  const box = page.getByRole("form", { name: "Report" }).getByRole("checkbox", { name });
  return (await box.count()) ? box.getAttribute("value") : null;
}
