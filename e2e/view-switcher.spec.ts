import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { admin, createModule, inviteAndActivate, signIn } from "./fixtures";
import { postServerAction } from "./server-action";

/**
 * The view switcher beside a module's title. The views are made through createViewAction (the
 * builder's own story is e2e/views.spec.ts); here a manager keeps them from the switcher and a
 * salesperson uses the shared ones.
 */
const run = Date.now().toString(36);
const seller = { firstName: "Vera", lastName: "Választó", email: `vera.valaszto.${run}@nordlicht.test`, password: "Vera-Views-2026!" };
const everyCard = { version: 1, filter: { on: "group", join: "and", conditions: [] } };

async function createViewByAction(page: Page, modulePath: string, input: { moduleId: string; name: string; shared: boolean }): Promise<string> {
  const { body } = await postServerAction(page.request, {
    page: modulePath,
    filename: "app/(app)/modules/[moduleId]/views/actions.ts",
    exportedName: "createViewAction",
    args: [null, { ...input, definition: everyCard }],
  });
  const id = /"viewId":"([0-9a-f-]{36})"/.exec(body)?.[1];
  expect(id, body).toBeTruthy();
  return id!;
}

async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const grave = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(grave, what).toEqual([]);
}

/** The switcher's button (named after the current view). */
const switcherButton = (page: Page, current: string) => page.getByRole("button", { name: `View: ${current}`, exact: true });

/** The switcher's panel: the element the button controls. */
async function switcherPanel(page: Page, current: string) {
  const button = switcherButton(page, current);
  await expect(button).toHaveAttribute("data-ready", "");
  return page.locator(`[id="${await button.getAttribute("aria-controls")}"]`);
}

async function openSwitcher(page: Page, current: string) {
  const button = switcherButton(page, current);
  const panel = await switcherPanel(page, current);
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await expect(panel).toBeVisible();
  return panel;
}

const linkNames = (panel: Locator) => panel.getByRole("link").allInnerTexts();

test("a manager keeps the module's views from the switcher — open, rename, move, duplicate, trash, restore — and a salesperson uses the shared ones", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const sales = await inviteAndActivate(page, browser, seller);
  const modulePath = await createModule(page, `Switcher ${run}`);
  const moduleId = modulePath.split("/").pop()!;
  const hot = await createViewByAction(page, modulePath, { moduleId, name: "Hot leads", shared: true });
  await createViewByAction(page, modulePath, { moduleId, name: "Big deals", shared: true });
  await createViewByAction(page, modulePath, { moduleId, name: "My follow-ups", shared: false });
  await page.goto(modulePath);

  // From the keyboard: Enter opens it on its first link, arrows move, Enter follows.
  const button = switcherButton(page, "All cards");
  const panel = await switcherPanel(page, "All cards");
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("link", { name: "All cards" })).toBeFocused();
  await expect(panel.getByRole("link", { name: "All cards" })).toHaveAttribute("aria-current", "page");
  expect(await linkNames(panel)).toEqual(["All cards", "Hot leads", "Big deals", "My follow-ups", "New view"]);
  await expect(panel.getByText("Shared views")).toBeVisible();
  await expect(panel.getByText("My views")).toBeVisible();
  await expectAccessible(page, "the switcher, open");
  await page.keyboard.press("ArrowDown");
  await expect(panel.getByRole("link", { name: "Hot leads" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("link", { name: "All cards" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]view=${hot}`));
  await expect(switcherButton(page, "Hot leads")).toBeVisible();

  // Rename, in a dialog; a taken name is said in place.
  let menu = await openSwitcher(page, "Hot leads");
  await expect(menu.getByRole("link", { name: "Edit view" })).toHaveAttribute("href", `${modulePath}/views/${hot}/edit`);
  await menu.getByRole("button", { name: "Rename" }).click();
  const rename = page.getByRole("dialog", { name: "Rename view" });
  await rename.getByLabel("Name").fill("big DEALS");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename.getByText("There is already a view with this name here.")).toBeVisible();
  await expectAccessible(page, "the rename dialog with an error");
  await rename.getByLabel("Name").fill("Warm leads");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename).toBeHidden();
  await expect(switcherButton(page, "Warm leads")).toBeFocused();

  // Move down: the shared views' order changes for everyone; the button keeps the focus at the bottom.
  menu = await openSwitcher(page, "Warm leads");
  await expect(menu.getByRole("button", { name: "Move up" })).toHaveAttribute("aria-disabled", "true");
  await menu.getByRole("button", { name: "Move down" }).click();
  await expect.poll(() => linkNames(menu)).toEqual(["All cards", "Big deals", "Warm leads", "My follow-ups", "Edit view", "New view"]);
  await expect(menu.getByRole("button", { name: "Move down" })).toHaveAttribute("aria-disabled", "true");

  // Duplicate: the copy opens.
  await menu.getByRole("button", { name: "Duplicate" }).click();
  await expect(switcherButton(page, "Copy of Warm leads")).toBeVisible();
  const copyUrl = page.url();
  expect(copyUrl).not.toContain(hot);

  // To the trash, after a question; the page goes back to all cards.
  menu = await openSwitcher(page, "Copy of Warm leads");
  await menu.getByRole("button", { name: "Move to trash" }).click();
  const confirm = page.getByRole("dialog", { name: "Move this view to the trash?" });
  await expect(confirm).toContainText("“Copy of Warm leads” leaves the view switcher for everyone.");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAccessible(page, "the trash dialog");
  await confirm.getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(new RegExp(`${modulePath}$`));
  menu = await openSwitcher(page, "All cards");
  expect(await linkNames(menu)).toEqual(["All cards", "Big deals", "Warm leads", "My follow-ups", "New view"]);

  // …and back from the trash page.
  await page.goto("/trash");
  const trashed = page.getByRole("region", { name: "Views" });
  await expect(trashed.getByRole("row", { name: /Copy of Warm leads/ })).toContainText(`Switcher ${run}`);
  await trashed.getByRole("button", { name: "Restore Copy of Warm leads" }).click();
  await expect(trashed.getByRole("row", { name: /Copy of Warm leads/ })).toHaveCount(0);
  await page.goto(copyUrl);
  await expect(switcherButton(page, "Copy of Warm leads")).toBeVisible();

  // The salesperson, on a phone: the shared views, not the manager's own; a shared view of someone else can only be copied.
  await sales.setViewportSize({ width: 390, height: 844 });
  await sales.goto(modulePath);
  const salesMenu = await openSwitcher(sales, "All cards");
  expect(await linkNames(salesMenu)).toEqual(["All cards", "Big deals", "Warm leads", "Copy of Warm leads", "New view"]);
  await expect(salesMenu.getByText("Views you save for yourself appear here.")).toBeVisible();
  const box = await salesMenu.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await salesMenu.getByRole("link", { name: "Big deals" }).click();
  const bigDeals = await openSwitcher(sales, "Big deals");
  await expect(bigDeals.getByRole("button", { name: "Duplicate" })).toBeVisible();
  await expect(bigDeals.getByRole("button", { name: "Rename" })).toHaveCount(0);
  await expect(bigDeals.getByRole("link", { name: "Edit view" })).toHaveCount(0);
  await expect(bigDeals.getByRole("button", { name: "Move to trash" })).toHaveCount(0);
  await expectAccessible(sales, "the switcher on a phone");

  // A hand-made rename of the manager's shared view: refused, nothing changed.
  const { body } = await postServerAction(sales.request, {
    page: modulePath,
    filename: "app/(app)/modules/[moduleId]/views/actions.ts",
    exportedName: "renameViewAction",
    args: [null, { viewId: hot, moduleId, version: 2, name: "Mine now" }],
  });
  expect(body).toContain('"error":"forbidden"');

  // Her own view: she moves it to the trash and brings it back from her trash, which holds only views.
  const own = await createViewByAction(sales, modulePath, { moduleId, name: "Calls to make", shared: false });
  await sales.goto(`${modulePath}?view=${own}`);
  let ownMenu = await openSwitcher(sales, "Calls to make");
  await ownMenu.getByRole("button", { name: "Move to trash" }).click();
  const confirmOwn = sales.getByRole("dialog", { name: "Move this view to the trash?" });
  await expect(confirmOwn).toContainText("“Calls to make” leaves your view switcher.");
  await confirmOwn.getByRole("button", { name: "Move to trash" }).click();
  await expect(sales).toHaveURL(new RegExp(`${modulePath}$`));
  await sales.getByLabel("User menu").click();
  await sales.getByRole("link", { name: "Trash" }).click();
  await expect(sales.getByRole("heading", { level: 1, name: "Trash" })).toBeVisible();
  await expect(sales.getByRole("region", { name: "Cards" })).toHaveCount(0);
  const ownTrash = sales.getByRole("region", { name: "Views" });
  await expect(ownTrash.getByRole("row")).toHaveCount(2); // the header and her view
  await expectAccessible(sales, "a salesperson's trash");
  await ownTrash.getByRole("button", { name: "Restore Calls to make" }).click();
  await expect(ownTrash.getByRole("row", { name: /Calls to make/ })).toHaveCount(0);
  await sales.goto(modulePath);
  ownMenu = await openSwitcher(sales, "All cards");
  await expect(ownMenu.getByRole("link", { name: "Calls to make" })).toBeVisible();
  await sales.close();
});
