import { expect, test, type Page } from "@playwright/test";
import { admin, createModule, inviteAndActivate, signIn } from "./fixtures";

const sara = { firstName: "Sára", lastName: "Somogyi", email: "sara.somogyi@nordlicht.test", password: "Sara-Sales-2026!" };
const rudi = { firstName: "Rudi", lastName: "Rajki", email: "rudi.rajki@nordlicht.test", password: "Rudi-Restricted-26" };

/** Ctrl-K, as soon as the page's script listens for it (a busy machine hydrates the page a while after it shows). */
async function pressCtrlK(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Search cards and contacts" });
  await expect(async () => {
    await page.keyboard.press("Control+K");
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass();
  return dialog;
}

async function createCard(page: Page, listPath: string, name: string) {
  await page.goto(`${listPath}/new`);
  await page.getByLabel("Card name").fill(name);
  await page.getByLabel("Todo", { exact: true }).fill("Call about the quokka");
  await page.getByRole("button", { name: "Create card" }).click();
  await expect(page).toHaveURL(/\/cards\/[0-9a-f-]+$/);
}

test("a Restricted user presses Ctrl-K, finds his own card with the arrow keys and opens it, and never sees another salesperson's", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const listPath = await createModule(page, "Quokka desk");
  const sales = await inviteAndActivate(page, browser, sara);
  const restricted = await inviteAndActivate(page, browser, rudi, "Restricted");

  await createCard(sales, listPath, "Quokka foreign deal");
  await createCard(restricted, listPath, "Quokka first deal");
  await createCard(restricted, listPath, "Quokka second deal");

  await restricted.goto("/todos");
  const dialog = await pressCtrlK(restricted);
  const box = dialog.getByRole("combobox", { name: "Search" });
  await expect(box).toBeFocused();
  await expect(dialog.getByRole("status")).toHaveText("Type at least two characters: a name, an email or a phone number.");

  await box.pressSequentially("quokka");
  const results = dialog.getByRole("listbox", { name: "Search results" });
  const cards = results.getByRole("group", { name: "Cards" });
  await expect(cards.getByRole("option")).toHaveText([/Quokka (first|second) deal/, /Quokka (first|second) deal/]);
  await expect(results.getByRole("option", { name: /Quokka foreign deal/ })).toHaveCount(0);
  await expect(box).toHaveAttribute("aria-expanded", "true");

  // ArrowDown twice reaches the second option, ArrowUp goes back to the first; Enter opens the active one.
  const options = cards.getByRole("option");
  await box.press("ArrowDown");
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(0).getAttribute("id"))!);
  await box.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "false");
  await box.press("ArrowUp");
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  const chosen = (await options.nth(0).locator("span").first().textContent())!;
  const href = (await options.nth(0).getAttribute("href"))!;
  expect(href).toMatch(/^\/cards\/[0-9a-f-]+$/);
  await box.press("Enter");
  await expect(restricted).toHaveURL(new RegExp(`${href}$`));
  await expect(restricted.getByRole("heading", { name: chosen, exact: true })).toBeVisible();
  await expect(dialog).toBeHidden();

  // The header's button opens it too; a word found nowhere says so; Escape closes it.
  await restricted.getByRole("button", { name: "Search cards and contacts" }).click();
  await expect(box).toBeFocused();
  await box.fill("foreign deal");
  await expect(dialog.getByRole("status")).toHaveText("No results");
  await expect(dialog.getByRole("listbox")).toHaveCount(0);
  await box.press("Escape");
  await expect(dialog).toBeHidden();

  // The salesperson who owns the other card finds it.
  await pressCtrlK(sales);
  await sales.getByRole("combobox", { name: "Search" }).pressSequentially("quokka foreign");
  await expect(sales.getByRole("listbox", { name: "Search results" }).getByRole("option")).toHaveText([/Quokka foreign deal/]);

  // Without a session the search answers 401.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(new URL("/api/search?q=quokka", page.url()).toString())).status()).toBe(401);
  await anonymous.close();
});
