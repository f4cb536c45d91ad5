import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { admin, chooseLanguage, createModule, inviteAndActivate, signIn } from "./fixtures";

/**
 * Issue 11, templates: an admin writes an email template in the editor (types, bolds, inserts a
 * variable chip through the picker by keyboard), saves it and sees it listed; an unknown variable is
 * refused, named; a todo template fills a card's "New todo"; the template goes to the trash and back;
 * a Normal user cannot open the new-template page.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const moduleName = `Templates ${run}`;
const seller = { firstName: "Nóra", lastName: "Normál", email: `nora.templates.${run}@nordlicht.test`, password: "Nora-Templates-2026!" };
let listPath = "";
let templatesPath = "";

async function shot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png`, fullPage: true });
}

test("an admin writes an email template with the editor and a variable chip", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  listPath = await createModule(page, moduleName);
  templatesPath = `${listPath}/templates`;
  await page.getByRole("navigation", { name: "Module tools" }).getByRole("link", { name: "Templates" }).click();
  await expect(page).toHaveURL(templatesPath);
  await expect(page.getByText("No email templates yet")).toBeVisible();
  await page.getByRole("link", { name: "New email template" }).first().click();

  await page.getByLabel("Name", { exact: true }).fill("Offer follow-up");
  await page.getByLabel("Category").fill("Offers");
  await page.getByLabel("Subject", { exact: true }).fill("Our offer for ");
  // The subject's picker inserts the variable as text where the cursor is.
  await page.getByRole("button", { name: "Variable in subject" }).click();
  await page.getByRole("combobox", { name: "Search variables" }).fill("card name");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Subject", { exact: true })).toHaveValue("Our offer for {{card.name}}");

  const body = page.getByRole("textbox", { name: "Body" });
  await body.click();
  await page.keyboard.type("Dear ");
  // The picker by keyboard: focus it, open with Enter, type to narrow, move with the arrows, Enter inserts a chip.
  await page.getByRole("button", { name: "Insert variable" }).focus();
  await page.keyboard.press("Enter");
  const search = page.getByRole("combobox", { name: "Search variables" });
  await expect(search).toBeFocused();
  await page.keyboard.type("name");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("option", { selected: true })).toHaveText(/Card status|Card owner|First name|Last name|Full name/);
  await page.keyboard.press("ArrowUp");
  await search.fill("first");
  await expect(page.getByRole("option", { selected: true })).toContainText("First name");
  await page.keyboard.press("Enter");
  await expect(body.locator('[data-variable="person.firstName"]')).toHaveText("First name");
  // Focus is back in the body, after the chip.
  await expect(body).toBeFocused();
  await page.keyboard.type(",");
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type("thank you");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type(" for your time.");
  await expect(page.getByRole("button", { name: "Bold" })).toHaveAttribute("aria-pressed", "false");
  await expect(body.locator("strong")).toHaveText("thank you");
  await shot(page, "template-editor");
  const axe = await new AxeBuilder({ page }).include("main").analyze();
  expect(axe.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }))).toEqual([]);

  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page).toHaveURL(new RegExp(`${templatesPath}\\?saved=`));
  await expect(page.getByText("Saved: Offer follow-up")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Offers" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Offer follow-up" })).toBeVisible();
  await expect(page.getByText("Our offer for {{card.name}}")).toBeVisible();
  await shot(page, "templates-list");

  // Opened again: the chip and the bold text came back from the stored (sanitised) HTML.
  await page.getByRole("link", { name: "Offer follow-up" }).click();
  await expect(body.locator('[data-variable="person.firstName"]')).toHaveText("First name");
  await expect(body.locator("strong")).toHaveText("thank you");
});

test("an unknown variable is refused on save, naming it; nothing changes", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto(templatesPath);
  await page.getByRole("link", { name: "Offer follow-up" }).click();
  await page.getByLabel("Subject", { exact: true }).fill("Offer {{card.nope}}");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText("There is no variable “card.nope” in this module. Pick one from the variable list.").first()).toBeVisible();
  await expect(page.getByLabel("Subject", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.goto(templatesPath);
  await expect(page.getByText("Our offer for {{card.name}}")).toBeVisible();
});

test("a todo template fills a card's New todo", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto(templatesPath);
  const form = page.getByRole("form", { name: "Add a todo template" });
  await form.getByLabel("Text", { exact: true }).fill(`Call to confirm ${run}`);
  await form.getByLabel("Type", { exact: true }).selectOption({ label: "Call" });
  await form.getByLabel("Due after (days)").fill("2");
  await form.getByLabel("At", { exact: true }).fill("10:30");
  await form.getByRole("button", { name: "Add todo template" }).click();
  await expect(page.getByText(`Call to confirm ${run}`, { exact: true })).toBeVisible();
  await expect(page.getByText("Call · due 2 days later at 10:30 · the card's owner")).toBeVisible();

  await page.goto(`${listPath}/new`);
  await page.getByLabel("Card name").fill(`Acme ${run}`);
  await page.getByLabel("Add a first todo").uncheck();
  await page.getByRole("button", { name: "Create card" }).click();
  await expect(page).toHaveURL(/\/cards\/[0-9a-f-]+$/);
  const todos = page.getByRole("region", { name: "Todos" });
  await todos.getByRole("button", { name: "Add todo" }).click();
  await todos.getByLabel("From a template").selectOption({ label: `Call to confirm ${run}` });
  await expect(todos.getByLabel("Todo", { exact: true })).toHaveValue(`Call to confirm ${run}`);
  await expect(todos.getByRole("radio", { name: "Call" })).toBeChecked();
  await expect(todos.getByLabel("Time", { exact: true })).toHaveValue("10:30");
  await todos.getByRole("button", { name: "Add todo" }).last().click();
  await expect(todos.getByText(`Call to confirm ${run}`, { exact: true })).toBeVisible();

  // Edited on the Templates page: the summary follows.
  await page.goto(templatesPath);
  await page.getByLabel(`Edit Call to confirm ${run}`).click();
  const edit = page.getByRole("form", { name: `Edit “Call to confirm ${run}”` });
  await edit.getByLabel("At", { exact: true }).fill("11:15");
  await edit.getByRole("button", { name: "Save todo template" }).click();
  await expect(page.getByText("Call · due 2 days later at 11:15 · the card's owner")).toBeVisible();
});

test("a template goes to the trash and comes back", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto(templatesPath);
  await page.getByRole("button", { name: "Move to trash: Offer follow-up" }).click();
  await expect(page.getByRole("link", { name: "Offer follow-up" })).toHaveCount(0);
  await page.goto("/trash");
  const section = page.getByRole("region", { name: "Templates" });
  await expect(section.getByText("Offer follow-up")).toBeVisible();
  await section.getByRole("button", { name: "Restore Offer follow-up" }).click();
  await expect(section.getByText("Offer follow-up")).toHaveCount(0);
  await page.goto(templatesPath);
  await expect(page.getByRole("link", { name: "Offer follow-up" })).toBeVisible();
});

test("a Normal user cannot open the Templates pages and sees no link to them", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const normal = await inviteAndActivate(page, browser, seller, "Normal");
  await normal.goto(listPath);
  await expect(normal.getByRole("heading", { name: moduleName, exact: true })).toBeVisible();
  await expect(normal.getByRole("link", { name: "Templates", exact: true })).toHaveCount(0);
  for (const path of [`${templatesPath}/new`, templatesPath]) {
    await normal.goto(path);
    await expect(normal.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }
});

test("on a phone, in Hungarian, the Templates page and the editor fit the screen", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await chooseLanguage(page, "Magyar");
  await expect(page.locator("html")).toHaveAttribute("lang", "hu");
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.goto(templatesPath);
    await expect(page.getByRole("heading", { name: "Email sablonok" })).toBeVisible();
    await page.getByRole("link", { name: "Offer follow-up" }).click();
    await expect(page.getByRole("textbox", { name: "Szöveg" }).locator('[data-variable="person.firstName"]')).toHaveText("Keresztnév");
    await page.getByRole("button", { name: "Változó beszúrása" }).click();
    await expect(page.getByRole("option", { name: /Adatlap neve/ })).toBeVisible();
    await shot(page, "template-editor-hu-390");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  } finally {
    await page.setViewportSize({ width: 1280, height: 720 });
    await chooseLanguage(page, "English");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
});
