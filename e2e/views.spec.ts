import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { admin, createModuleWithField, inviteAndActivate, openLive, signIn } from "./fixtures";

/**
 * Issue 10's story: a manager builds "Sales HU, money > 100,000 Ft AND (status Offer sent OR no open
 * todo)", adds the money column and shares it; a Restricted salesperson opens it from the switcher,
 * sees the same cards minus the ones they may not see, the sum, and live updates as a colleague
 * changes a card into and out of the view.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const manager = { firstName: "Márta", lastName: "Menedzser", email: `marta.views.${run}@nordlicht.test`, password: "Marta-Views-2026!" };
const seller = { firstName: "Sára", lastName: "Sales", email: `sara.views.${run}@nordlicht.test`, password: "Sara-Views-2026!" };
const moduleName = `Sales HU ${run}`;
const viewName = `Big deals ${run}`;
let listPath = "";
let busyCardPath = "";
let viewId = "";

type NewCard = { name: string; value: string; status: string; owner: string; todo?: string };

async function createCard(page: Page, card: NewCard): Promise<string> {
  await page.goto(`${listPath}/new`);
  await page.getByLabel("Card name").fill(card.name);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: card.status });
  await page.getByLabel("Owner", { exact: true }).selectOption({ label: card.owner });
  await page.getByLabel("Deal value", { exact: true }).fill(card.value);
  if (card.todo) await page.getByLabel("Todo", { exact: true }).fill(card.todo);
  else await page.getByLabel("Add a first todo").uncheck();
  await page.getByRole("button", { name: "Create card" }).click();
  await expect(page).toHaveURL(/\/cards\/[0-9a-f-]+$/);
  return new URL(page.url()).pathname;
}

/** The view switcher beside the list's title, once it reacts to clicks. */
async function openSwitcher(page: Page) {
  const switcher = page.getByRole("button", { name: /^View:/ });
  await expect(switcher).toHaveAttribute("data-ready", "");
  await switcher.click();
}

/** The builder's row: a condition's fieldset, by its place in its group. */
const row = (scope: Page | Locator, n: number) => scope.getByRole("group", { name: `Condition ${n}`, exact: true });

test("an admin sets up the module and the team", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const moduleId = await createModuleWithField(page, moduleName, { name: "Deal value", type: "Money" });
  listPath = `/modules/${moduleId}`;

  await (await inviteAndActivate(page, browser, manager, "Manager")).context().close();
  await (await inviteAndActivate(page, browser, seller, "Restricted")).context().close();
});

test("a manager builds the view in the builder, adds the money column and shares it", async ({ page }) => {
  await signIn(page, manager.email, manager.password);
  const me = `${manager.lastName} ${manager.firstName} (me)`;
  const sara = `${seller.lastName} ${seller.firstName}`;
  await createCard(page, { name: "Big offer", value: "500000", status: "Offer sent", owner: sara, todo: "Chase the offer" });
  await createCard(page, { name: "Big and quiet", value: "300000", status: "New lead", owner: "Nobody" });
  busyCardPath = await createCard(page, { name: "Big but busy", value: "250000", status: "New lead", owner: "Nobody", todo: "Call them" });
  await createCard(page, { name: "Small offer", value: "50000", status: "Offer sent", owner: sara });
  await createCard(page, { name: "Manager's own offer", value: "400000", status: "Offer sent", owner: me, todo: "Negotiate" });

  await page.goto(listPath);
  await openSwitcher(page);
  await page.getByRole("link", { name: "New view" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `New view in ${moduleName}` })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(viewName);
  await page.getByLabel("Shared with everyone who sees this module").check();

  const conditions = page.getByRole("region", { name: "Conditions" });
  // Deal value > 100,000 Ft
  await conditions.getByRole("button", { name: "Add condition" }).last().click();
  const money = row(conditions, 1).first();
  await expect(money.getByLabel("Condition on")).toBeFocused(); // the keyboard goes on where the new row is
  await money.getByLabel("Condition on").selectOption({ label: "Deal value" });
  await money.getByLabel("Operator").selectOption({ label: "is greater than" });
  await money.getByLabel("Amount in HUF").fill("100 000");

  // AND (status Offer sent OR no open todo): a nested group, which starts as "Any of these".
  await conditions.getByRole("button", { name: "Add group" }).last().click();
  const group = conditions.getByRole("group", { name: "Group of conditions" });
  await expect(group.getByRole("radio", { name: "Any of these" })).toBeChecked();
  await row(group, 1).getByRole("checkbox", { name: "Offer sent" }).check();
  await group.getByRole("button", { name: "Add condition" }).click();
  await row(group, 2).getByLabel("Condition on").selectOption({ label: "Todos" });
  await row(group, 2).getByLabel("Operator").selectOption({ label: "has no open todo" });
  // A condition added by mistake goes again; the focus returns to its group's "Add condition".
  await group.getByRole("button", { name: "Add condition" }).click();
  await row(group, 3).getByRole("button", { name: "Remove condition 3" }).click();
  await expect(row(group, 3)).toHaveCount(0);
  await expect(group.getByRole("button", { name: "Add condition" })).toBeFocused();
  await expect(page.getByTestId("view-summary")).toHaveText(
    /^Cards where Deal value is greater than HUF\s?100,000 and \(Status is any of: Offer sent or has no open todo\)\.$/,
  );

  await page.getByRole("region", { name: "Columns" }).getByRole("checkbox", { name: "Deal value" }).check();

  // Every control of the builder is labelled and readable (WCAG 2.1 AA, as axe checks it).
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // A refused save keeps everything and points at the condition: an empty amount.
  await money.getByLabel("Amount in HUF").fill("");
  await page.getByRole("button", { name: "Create view" }).click();
  await expect(page.getByRole("form", { name: "View" }).getByRole("alert")).toHaveText("Please check the highlighted fields.");
  await expect(money.getByText("Enter a number.")).toBeVisible();
  await expect(money.getByLabel("Amount in HUF")).toBeFocused();
  await money.getByLabel("Amount in HUF").fill("100 000");
  await page.getByRole("button", { name: "Create view" }).click();
  await expect(page).toHaveURL(new RegExp(`${listPath}\\?view=[0-9a-f-]{36}$`));
  viewId = new URL(page.url()).searchParams.get("view")!;
});

test("the view's creator edits it; a Restricted salesperson may use it but not edit it", async ({ page, browser }) => {
  await signIn(page, manager.email, manager.password);
  await page.goto(`${listPath}/views/${viewId}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: `Edit view “${viewName}”` })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(viewName);
  await expect(page.getByLabel("Shared with everyone who sees this module")).toBeChecked();
  const conditions = page.getByRole("region", { name: "Conditions" });
  await expect(row(conditions, 1).first().getByLabel("Amount in HUF")).toHaveValue("100000");
  await expect(conditions.getByRole("group", { name: "Group of conditions" }).getByRole("checkbox", { name: "Offer sent" })).toBeChecked();
  await expect(page.getByRole("region", { name: "Columns" }).getByRole("checkbox", { name: "Deal value" })).toBeChecked();
  await page.getByLabel("Sort by").selectOption({ label: "Deal value" });
  await page.getByLabel("Direction").selectOption({ label: "Descending" });
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(page).toHaveURL(`${listPath}?view=${viewId}`);
  await page.goto(`${listPath}/views/${viewId}/edit`);
  await expect(page.getByLabel("Direction")).toHaveValue("desc");

  const sara = await (await browser.newContext()).newPage();
  await signIn(sara, seller.email, seller.password);
  expect((await sara.goto(`${listPath}/views/${viewId}/edit`))?.status()).toBe(403);
  // A Restricted user keeps views to themselves: no sharing toggle for them.
  await sara.goto(`${listPath}/views/new`);
  await expect(sara.getByRole("heading", { level: 1, name: `New view in ${moduleName}` })).toBeVisible();
  await expect(sara.getByLabel("Shared with everyone who sees this module")).toHaveCount(0);
  expect((await sara.goto(`/modules/00000000-0000-4000-8000-000000000000/views/new`))?.status()).toBe(404);
  expect((await sara.goto(`${listPath}/views/00000000-0000-4000-8000-000000000000/edit`))?.status()).toBe(404);
  await sara.context().close();
});

test("the manager's list shows the view's cards and the money column's sum", async ({ page }) => {
  await signIn(page, manager.email, manager.password);
  await page.goto(`${listPath}?view=${viewId}`);
  const table = page.getByRole("table");
  for (const name of ["Big offer", "Big and quiet", "Manager's own offer"]) await expect(table.getByRole("link", { name })).toBeVisible();
  for (const name of ["Big but busy", "Small offer"]) await expect(table.getByRole("link", { name })).toHaveCount(0);
  await expect(table.getByRole("columnheader", { name: "Deal value" })).toBeVisible();
  await expect(table).toContainText(/1[\s,.\u00a0\u202f]?200[\s,.\u00a0\u202f]?000/);
});

test("a salesperson opens the shared view from the switcher, sees their part of it and its sum, live as a colleague changes a card", async ({ page, browser }) => {
  await signIn(page, seller.email, seller.password);
  await page.goto(listPath);
  await openSwitcher(page);
  await page.getByRole("link", { name: viewName }).click();
  await expect(page).toHaveURL(/[?&]view=[0-9a-f-]{36}/);
  const viewPath = new URL(page.url()).pathname + new URL(page.url()).search;

  const live = await openLive(page.context(), viewPath);
  const table = live.getByRole("table");
  for (const name of ["Big offer", "Big and quiet"]) await expect(table.getByRole("link", { name })).toBeVisible();
  // The manager's own card is in the view, but a Restricted user never sees someone else's card.
  for (const name of ["Manager's own offer", "Big but busy", "Small offer"]) await expect(table.getByRole("link", { name })).toHaveCount(0);
  await expect(table).toContainText(/800[\s,.\u00a0\u202f]?000/);

  // A colleague moves the busy card to "Offer sent": it joins the view; then its value drops: it leaves.
  const colleague = await (await browser.newContext()).newPage();
  await signIn(colleague, manager.email, manager.password);
  await colleague.goto(busyCardPath);
  await colleague.getByLabel("Status", { exact: true }).selectOption({ label: "Offer sent" });
  await expect(table.getByRole("link", { name: "Big but busy" })).toBeVisible();
  await expect(table).toContainText(/1[\s,.\u00a0\u202f]?050[\s,.\u00a0\u202f]?000/);

  await colleague.getByLabel("Deal value", { exact: true }).fill("90000");
  await colleague.getByRole("button", { name: "Save fields" }).click();
  await expect(colleague.getByText("Fields saved.")).toBeVisible();
  await expect(table.getByRole("link", { name: "Big but busy" })).toHaveCount(0);
  await expect(table).toContainText(/800[\s,.\u00a0\u202f]?000/);

  // The view's creator renames it: the salesperson's open list says the new name without a reload.
  await colleague.goto(viewPath);
  await openSwitcher(colleague);
  await colleague.getByRole("button", { name: "Rename" }).click();
  const rename = colleague.getByRole("dialog", { name: "Rename view" });
  await rename.getByLabel("Name").fill(`${viewName} (HU)`);
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename).toBeHidden();
  await expect(live.getByRole("heading", { level: 1 })).toContainText(`${viewName} (HU)`);
  await expect(live.getByRole("button", { name: /^View:/ })).toContainText(`${viewName} (HU)`);
  await colleague.context().close();
});
