import { expect, test, type Page } from "@playwright/test";
import { addTodoOnCard, admin, inviteAndActivate, openFromNav, signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });

const kata = { firstName: "Kata", lastName: "Kiss", email: "kata.kiss@nordlicht.test", password: "Kata-Sales-2026!" };
const rita = { firstName: "Rita", lastName: "Rácz", email: "rita.racz@nordlicht.test", password: "Rita-Restricted-26" };
let cardUrl = "";

async function openModule(page: Page, name: string) {
  await openFromNav(page, name);
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
}

test("an admin sets up a module with statuses and fields", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/settings/modules");
  await page.getByLabel("Module name").fill("Sales HU");
  await page.getByRole("button", { name: "Create module" }).click();
  await expect(page.getByText("Module “Sales HU” created.")).toBeVisible();
  await page.getByRole("link", { name: "Statuses and fields Sales HU" }).click();

  const addStatus = page.getByRole("form", { name: "Add a status" });
  await addStatus.getByLabel("Status name").fill("Negotiation");
  await addStatus.getByRole("button", { name: "Add status" }).click();
  await expect(page.getByLabel("Name of status Negotiation")).toBeVisible();

  const addField = page.getByRole("form", { name: "Add a field" });
  await addField.getByLabel("Field name").fill("Budget");
  await addField.getByLabel("Type").selectOption({ label: "Money" });
  await addField.getByRole("button", { name: "Add field" }).click();
  await expect(page.getByRole("button", { name: "Edit Budget" })).toBeVisible();
});

test("a salesperson creates a card with a new company and person, plans and completes todos, moves it on the board, and the history shows each step", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const sales = await inviteAndActivate(page, browser, kata);

  await openModule(sales, "Sales HU");
  await sales.getByRole("link", { name: "New card" }).first().click();
  await sales.getByLabel("Card name").fill("Website relaunch");
  await sales.getByLabel("Budget", { exact: true }).fill("1200000");

  await sales.getByRole("combobox", { name: "Company" }).fill("Duna Bt.");
  await sales.getByRole("option", { name: "Create “Duna Bt.”" }).click();
  const newCompany = sales.getByRole("region", { name: "New company" });
  await newCompany.getByLabel("Emails").fill("info@duna.hu");
  await newCompany.getByRole("button", { name: "Create and choose" }).click();
  await expect(sales.getByRole("group", { name: "Company" })).toContainText("Duna Bt.");

  await sales.getByRole("combobox", { name: "Contact person" }).fill("Nagy Péter");
  await sales.getByRole("option", { name: "Create “Nagy Péter”" }).click();
  const newPerson = sales.getByRole("region", { name: "New person" });
  await newPerson.getByLabel("Emails").fill("peter.nagy@duna.hu");
  await newPerson.getByLabel("Phones").fill("+36 30 123 4567");
  await newPerson.getByRole("button", { name: "Create and choose" }).click();
  await expect(sales.getByRole("group", { name: "Contact person" })).toContainText("Nagy Péter"); // as a person would wait to see it chosen

  await sales.getByLabel("Todo", { exact: true }).fill("Send the offer");
  await sales.getByRole("button", { name: "Create card" }).click();
  await expect(sales).toHaveURL(/\/cards\/[0-9a-f-]+$/);
  cardUrl = new URL(sales.url()).pathname;
  // Clicking an address opens the compose dialog (e2e/card-email.spec.ts); it is a button, no longer a mailto: link.
  await expect(sales.getByRole("button", { name: "Email Nagy Péter: peter.nagy@duna.hu" })).toHaveAttribute("aria-haspopup", "dialog");
  await expect(sales.getByRole("link", { name: /Call Nagy Péter/ })).toHaveAttribute("href", /^tel:/);

  // A todo for a colleague (the admin), on a card the colleague does not own.
  await addTodoOnCard(sales, "Call Duna back", "Kovács Anna");
  const todos = sales.getByRole("region", { name: "Todos" });

  // Completing a todo invites the next one.
  await todos.getByRole("button", { name: "Complete: Send the offer" }).click();
  await expect(sales.getByRole("heading", { name: "Next todo" })).toBeVisible();
  await sales.getByLabel("Todo", { exact: true }).fill("Follow up on the offer");
  await sales.getByRole("button", { name: "Add next todo" }).click();
  await expect(todos.getByText("Follow up on the offer", { exact: true })).toBeVisible();

  // The board: move the card with the keyboard-friendly status menu.
  await openModule(sales, "Sales HU");
  await sales.getByRole("link", { name: "Board" }).click();
  await sales.getByRole("button", { name: "Move “Website relaunch” to" }).click();
  await sales.getByRole("button", { name: "Negotiation", exact: true }).click();
  await expect(sales.getByText("Moved “Website relaunch” to Negotiation.")).toBeVisible();

  await sales.goto(cardUrl);
  const history = sales.getByRole("region", { name: "History" });
  await expect(history.getByText("Send the offer")).toBeVisible();
  await expect(history.getByText("Negotiation")).toBeVisible();
  await expect(history.getByText("Duna Bt.")).toBeVisible();

  // The admin's user filter shows the card through Anna's todo, though Kata owns it.
  await page.goto("/todos");
  await openModule(page, "Sales HU");
  await page.getByLabel("User", { exact: true }).selectOption({ label: "Kovács Anna" });
  await expect(page).toHaveURL(/[?&]user=/);
  await expect(page.getByRole("link", { name: "Website relaunch" })).toBeVisible();
  await expect(page.getByText("Call Duna back")).toBeVisible();
  await sales.context().close();
});

test("a Restricted user cannot reach another user's card by list, search, board, contact page or URL", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const restricted = await inviteAndActivate(page, browser, rita, "Restricted");
  await openModule(restricted, "Sales HU");
  await expect(restricted.getByRole("link", { name: "Website relaunch" })).toHaveCount(0);
  await restricted.goto(`${new URL(restricted.url()).pathname}?q=duna`);
  await expect(restricted.getByRole("link", { name: "Website relaunch" })).toHaveCount(0);
  await restricted.goto(`${new URL(restricted.url()).pathname}/board`);
  await expect(restricted.getByText("Website relaunch")).toHaveCount(0);
  const response = await restricted.goto(cardUrl);
  expect(response?.status()).toBe(404);

  // Kata's customer goes with her card: a Restricted user does not find it among the contacts either.
  await restricted.goto("/contacts?q=Duna");
  await expect(restricted.getByRole("link", { name: "Duna Bt." })).toHaveCount(0);
  await restricted.context().close();
});

test("two browsers editing the same card get a conflict, not a lost update", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const other = await (await browser.newContext()).newPage();
  await signIn(other, kata.email, kata.password);
  await page.goto(cardUrl);
  await other.goto(cardUrl);

  // Kata starts typing; meanwhile Anna saves. The live refresh reaches Kata's page but must not
  // silently rebase her half-typed edit onto Anna's version.
  await other.getByLabel("Budget", { exact: true }).fill("900000");
  await page.getByLabel("Budget", { exact: true }).fill("1500000");
  await page.getByRole("button", { name: "Save fields" }).click();
  await expect(page.getByText("Fields saved.")).toBeVisible();
  await other.waitForTimeout(1500);

  await other.getByRole("button", { name: "Save fields" }).click();
  await expect(other.getByText("Someone else changed this card after you opened it")).toBeVisible();
  await other.getByRole("button", { name: "Reload" }).click();
  await expect(other.getByLabel("Budget", { exact: true })).toHaveValue("900000"); // what they typed is kept to reapply
  await page.reload();
  await expect(page.getByLabel("Budget", { exact: true })).toHaveValue("1500000"); // Anna's save was not overwritten
  await other.context().close();
});

test("a trashed card can be restored from the trash, with history", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto(cardUrl);
  await page.getByRole("button", { name: "Move to trash", exact: true }).click(); // the card's, not a todo's ("Move to trash: …")
  await page.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(/\/modules\//);
  await page.getByLabel("User menu").click();
  await page.getByRole("link", { name: "Trash" }).click();
  await page.getByRole("button", { name: "Restore Website relaunch" }).click();
  await expect(page.getByRole("button", { name: "Restore Website relaunch" })).toHaveCount(0); // restored, before leaving the page
  await page.goto(cardUrl);
  await expect(page.getByRole("region", { name: "History" }).getByText(/restored/i).first()).toBeVisible();

  // A contact goes to the same trash and comes back from it.
  await page.goto("/contacts");
  await page.getByRole("link", { name: "Nagy Péter" }).first().click();
  await page.getByRole("button", { name: "Move to trash" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
  await expect(page.getByText("This contact is in the trash")).toBeVisible();
  const contactUrl = page.url();
  await page.goto("/trash");
  const contacts = page.getByRole("region", { name: "Contacts" });
  await expect(contacts.getByRole("row", { name: /Nagy Péter/ })).toContainText("Person");
  await contacts.getByRole("button", { name: "Restore Nagy Péter" }).click();
  await expect(page.getByRole("row", { name: /Nagy Péter/ })).toHaveCount(0);
  await page.goto(contactUrl);
  await expect(page.getByText("This contact is in the trash")).toBeHidden();
});
