import { expect, test, type Page } from "@playwright/test";
import { admin, createModule, inviteAndActivate, signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const names = {
  module: `Road desk ${run}`,
  card: `Harbour crane service contract ${run}`,
  todo: `Call the harbour master about the crane ${run}`,
  company: `Adriatic Port Logistics ${run}`,
  email: `accounts.receivable.department.${run}@adriatic-port-logistics-example.hu`,
  person: `Horváth Krisztina ${run}`,
  phone: "+36 30 987 6543",
};
/** The salesperson on the road: an admin of their own, so their My todos holds only this story's todo. */
const roadUser = { firstName: "Réka", lastName: "Úton", email: `reka.${run}@nordlicht.test`, password: "Road-desk-2026-phone" };
let listPath = "";
let cardPath = "";
let contactPath = "";

const phone = { width: 390, height: 844 };
const laptop = { width: 1024, height: 768 };

/** With E2E_SCREENSHOT_DIR set, keeps a full-page screenshot to look at (the layout's review). */
async function snap(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.E2E_SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** Nothing on the page is wider than the window: no sideways scrolling. */
async function expectNoSideScroll(page: Page, what: string) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${what} scrolls sideways (${scroll} > ${client})`).toBeLessThanOrEqual(client);
}

/** The element is shown whole inside the window's width (not cut, not off-screen). */
async function expectWithinWidth(page: Page, locator: ReturnType<Page["locator"]>) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
}

test("a salesperson on the road sets up a card with contacts", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  await (await inviteAndActivate(page, browser, roadUser, "Admin")).context().close();
  listPath = await createModule(page, names.module);
  await page.goto(`${listPath}/new`);
  await page.getByLabel("Card name").fill(names.card);
  await page.getByRole("combobox", { name: "Company" }).fill(names.company);
  await page.getByRole("option", { name: `Create “${names.company}”` }).click();
  const newCompany = page.getByRole("region", { name: "New company" });
  await newCompany.getByLabel("Emails").fill(names.email);
  await newCompany.getByRole("button", { name: "Create and choose" }).click();
  await expect(page.getByRole("group", { name: "Company" })).toContainText(names.company);
  await page.getByRole("combobox", { name: "Contact person" }).fill(names.person);
  await page.getByRole("option", { name: `Create “${names.person}”` }).click();
  const newPerson = page.getByRole("region", { name: "New person" });
  await newPerson.getByLabel("Phones").fill(names.phone);
  await newPerson.getByRole("button", { name: "Create and choose" }).click();
  await expect(page.getByRole("group", { name: "Contact person" })).toContainText(names.person);
  await page.getByLabel("Todo", { exact: true }).fill(names.todo);
  await page.getByRole("group", { name: "First todo" }).getByLabel("Assignee").selectOption({ label: `${roadUser.lastName} ${roadUser.firstName}` });
  await page.getByRole("button", { name: "Create card" }).click();
  await expect(page).toHaveURL(/\/cards\/[0-9a-f-]+$/);
  cardPath = new URL(page.url()).pathname;
  await page.goto(`/contacts?q=${encodeURIComponent(names.company)}`);
  await page.getByRole("link", { name: names.company, exact: true }).first().click();
  await expect(page.getByRole("heading", { name: names.company, level: 1 })).toBeVisible();
  contactPath = new URL(page.url()).pathname;
});

test("at 390 px the list, a card, My todos and contacts fit the phone, with the next todo, status and contacts at hand", async ({ page }) => {
  await page.setViewportSize(phone);
  await signIn(page, roadUser.email, roadUser.password);

  // The card list: stacked rows with the next todo and the status, a status select instead of the sidebar.
  await page.goto(listPath);
  const row = page.getByRole("row", { name: new RegExp(names.card) });
  await expectWithinWidth(page, row.getByText(names.todo, { exact: true }));
  await expectWithinWidth(page, row.getByRole("cell").nth(1)); // the status
  await expect(row.getByRole("cell").nth(1)).not.toBeEmpty();
  await expectWithinWidth(page, row.getByRole("link", { name: names.card }));
  await expect(page.getByLabel("Status", { exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Statuses" })).toBeHidden();
  await snap(page, "390-list");
  await expectNoSideScroll(page, "the card list");
  await page.getByRole("link", { name: "Board" }).click();
  await expect(page.getByRole("region", { name: `Board of ${names.module}` })).toBeVisible(); // the board scrolls inside itself
  await expectNoSideScroll(page, "the board");

  // The phone menu reaches every module and link.
  const menu = page.getByRole("button", { name: "Open menu" });
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  for (const link of [names.module, "My todos", "Contacts", "Reports", "Settings"]) await expect(nav.getByRole("link", { name: link, exact: true })).toBeVisible();
  await nav.getByRole("link", { name: "My todos", exact: true }).click();
  await expect(page.getByRole("heading", { name: "My todos", level: 1 })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false"); // following a link closes the menu
  await expectWithinWidth(page, page.getByRole("listitem").filter({ hasText: names.todo }));
  await snap(page, "390-todos");
  await expectNoSideScroll(page, "My todos");

  // The card page: status/owner and contacts before the long history.
  await page.goto(cardPath);
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toBeVisible();
  const top = async (locator: ReturnType<Page["locator"]>) => (await locator.boundingBox())!.y;
  const historyTop = await top(history);
  expect(await top(page.getByLabel("Status", { exact: true }))).toBeLessThan(historyTop);
  expect(await top(page.getByLabel("Owner", { exact: true }))).toBeLessThan(historyTop);
  expect(await top(page.getByRole("heading", { name: "Contacts", level: 2 }))).toBeLessThan(historyTop);
  await expectWithinWidth(page, page.getByRole("link", { name: new RegExp(`^Call ${names.person}`) }));
  await snap(page, "390-card");
  await expectNoSideScroll(page, "the card page");

  // Contacts: the list and the company's page show the whole email, without scrolling sideways.
  await page.goto(`/contacts?q=${encodeURIComponent(run)}`);
  await expectWithinWidth(page, page.getByRole("link", { name: names.email }));
  await expectWithinWidth(page, page.getByRole("link", { name: names.phone }));
  await snap(page, "390-contacts");
  await expectNoSideScroll(page, "the contact list");
  await page.goto(contactPath);
  await expectWithinWidth(page, page.getByRole("link", { name: names.email }));
  await expectWithinWidth(page, page.getByRole("link", { name: names.card }));
  await snap(page, "390-contact");
  await expectNoSideScroll(page, "the contact page");
});

for (const size of [laptop, { width: 1440, height: 900 }]) {
  test(`at ${size.width} px the list shows owner and last activity, and no page scrolls sideways`, async ({ page }) => {
    await page.setViewportSize(size);
    await signIn(page, admin.email, admin.password);
    await page.goto(listPath);
    await expect(page.getByRole("columnheader", { name: "Owner" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Last activity" })).toBeVisible();
    const row = page.getByRole("row", { name: new RegExp(names.card) });
    await expectWithinWidth(page, row.getByRole("cell").nth(2)); // owner
    await expectWithinWidth(page, row.getByRole("cell").nth(3).locator("time")); // last activity
    await snap(page, `${size.width}-list`);
    await expectNoSideScroll(page, "the card list");
    for (const [path, what] of [
      [cardPath, "card"],
      ["/todos", "todos"],
      [`/contacts?q=${encodeURIComponent(run)}`, "contacts"],
      [contactPath, "contact"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await snap(page, `${size.width}-${what}`);
      await expectNoSideScroll(page, what);
    }
  });
}

test("with eight long module names the navigation stays one row at 1024 px and the rest are a keyboard-reachable “More” away", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  // Created on the settings page one after another (opening each list in between cost a minute under CI's load).
  const modules = Array.from({ length: 8 }, (_, i) => ({ name: `Regional partner pipeline ${i + 1} (${run})` }));
  await page.goto("/settings/modules");
  for (const { name } of modules) {
    await page.getByLabel("Module name").fill(name);
    await page.getByRole("button", { name: "Create module" }).click();
    await expect(page.getByText(`Module “${name}” created.`)).toBeVisible();
  }

  await page.setViewportSize(laptop);
  await page.goto("/todos");
  const header = page.getByRole("banner");
  const nav = header.getByRole("navigation", { name: "Main navigation" });
  const more = nav.getByRole("button", { name: "More" });
  await expect(more).toBeVisible();
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(57); // one row: h-14 and its border
  const { scroll, client } = await nav.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
  await snap(page, "1024-nav");

  for (const entry of modules) {
    const inRow = nav.getByRole("link", { name: entry.name, exact: true });
    if (await inRow.isVisible()) continue; // fits in the row
    await more.focus();
    await page.keyboard.press("Enter");
    await expect(more).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator(":focus")).toHaveAttribute("href", /./); // focus moved into the menu
    for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.textContent)) !== entry.name; i++) await page.keyboard.press("ArrowDown");
    await expect(page.locator(":focus")).toHaveText(entry.name);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/modules\/[^/]+$/);
    await expect(page.getByRole("heading", { name: entry.name, level: 1 })).toBeVisible();
    await expect(more).toHaveAttribute("aria-expanded", "false");
  }

  // Escape closes the menu and gives focus back to its button.
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(more).toHaveAttribute("aria-expanded", "true");
  await snap(page, "1024-more");
  await page.keyboard.press("Escape");
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await expect(more).toBeFocused();

  // Wide screens show more of the row, still on one line.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect.poll(async () => (await header.boundingBox())!.height).toBeLessThanOrEqual(57);
  await snap(page, "1440-nav");
});
