import { expect, test } from "@playwright/test";
import { addTodoOnCard, admin, createModule, inviteAndActivate, signIn } from "./fixtures";
import { postServerAction } from "./server-action";

const stamp = Date.now().toString(36);
const seller = { firstName: "Sára", lastName: "Szép", email: `sara.szep.${stamp}@nordlicht.test`, password: "Sara-Sales-2026!" };
const robi = { firstName: "Robi", lastName: "Rejtett", email: `robi.rejtett.${stamp}@nordlicht.test`, password: "Robi-Restricted-26" };
const customer = `Titok ${stamp} Kft.`;

test("the admin cannot give a Restricted user a todo on a card he cannot see, nor a deadline in 9999; the Restricted user finds the salesperson's customer neither in contacts, by URL, nor in a duplicate warning", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const sales = await inviteAndActivate(page, browser, seller);
  const restricted = await inviteAndActivate(page, browser, robi, "Restricted");
  const modulePath = await createModule(page, `Data rules ${stamp}`);

  // Sára's deal with her customer, a new company.
  await sales.goto(modulePath);
  await sales.getByRole("link", { name: "New card" }).first().click();
  await sales.getByLabel("Card name").fill(`Deal with ${customer}`);
  await sales.getByRole("combobox", { name: "Company" }).fill(customer);
  await sales.getByRole("option", { name: `Create “${customer}”` }).click();
  const newCompany = sales.getByRole("region", { name: "New company" });
  await newCompany.getByLabel("Emails").fill(`info@titok-${stamp}.test`);
  await newCompany.getByRole("button", { name: "Create and choose" }).click();
  await expect(sales.getByRole("group", { name: "Company" })).toContainText(customer);
  await sales.getByLabel("Todo", { exact: true }).fill("Call the customer");
  await sales.getByRole("button", { name: "Create card" }).click();
  await expect(sales).toHaveURL(/\/cards\/[0-9a-f-]+$/);
  const cardPath = new URL(sales.url()).pathname;
  await sales.getByRole("link", { name: customer }).first().click();
  await expect(sales).toHaveURL(/\/contacts\/[0-9a-f-]+$/);
  const contactPath = new URL(sales.url()).pathname;
  await sales.context().close();

  // The admin plans a todo on Sára's card: the assignee picker offers Sára, not Robi, who cannot see the card.
  await page.goto(cardPath);
  const todos = page.getByRole("region", { name: "Todos" });
  await todos.getByRole("button", { name: "Add todo" }).click();
  const assignee = todos.getByLabel("Assignee");
  await expect(assignee.getByRole("option", { name: "Szép Sára" })).toHaveCount(1);
  await expect(assignee.getByRole("option", { name: "Rejtett Robi" })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/rules-assignee-picker.png" });

  // A hand-made request to the server action with a deadline in year 9999: refused with the range's code, nothing added.
  const meId = await assignee.inputValue();
  const { body } = await postServerAction(page.request, {
    page: cardPath,
    filename: "app/(app)/cards/[cardId]/actions.ts",
    exportedName: "createTodoAction",
    args: [null, { cardId: cardPath.split("/").pop(), text: "Far future", type: "call", assigneeId: meId, date: "9999-12-31", time: "10:00" }],
  });
  expect(body).toContain('"error":"date_out_of_range"');
  await todos.getByLabel("Date").fill("9999-12-31");
  await todos.getByLabel("Todo", { exact: true }).fill("Far future");
  await todos.getByRole("button", { name: "Add todo" }).last().click();
  await expect(todos.getByText("Enter a date between 1 January 2000 and 31 December 2100.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Far future")).toHaveCount(0);

  // Robi's contacts: not Sára's customer, neither in the list, nor by search, nor by its URL (a 404, not a 403).
  await restricted.goto("/contacts");
  await expect(restricted.getByRole("heading", { name: "Contacts", level: 1 })).toBeVisible();
  await expect(restricted.getByText(customer)).toHaveCount(0);
  await restricted.goto(`/contacts?q=${encodeURIComponent(customer)}`);
  await expect(restricted.getByText(customer)).toHaveCount(0);
  const response = await restricted.goto(contactPath);
  expect(response?.status()).toBe(404);
  await expect(restricted.getByText(customer)).toHaveCount(0);
  await restricted.screenshot({ path: "/tmp/rules-contact-404.png" });
  // Entering the same email as a new company: warned that a contact he cannot see has it — no name, no link.
  await restricted.goto("/contacts");
  await restricted.getByRole("button", { name: "New company" }).click();
  const form = restricted.getByRole("form", { name: "New company" });
  await form.getByLabel("Company name").fill("My own company");
  await form.getByLabel("Emails").fill(`info@titok-${stamp}.test`);
  await form.getByRole("button", { name: "Create", exact: true }).click();
  const warning = restricted.getByRole("alert").filter({ hasText: "A contact with this email already exists" });
  await expect(warning).toContainText("A contact you cannot see (on a colleague's cards) already has this email.");
  await expect(warning).toContainText("You cannot open it");
  await expect(warning).not.toContainText(customer);
  await expect(warning.getByRole("link")).toHaveCount(0);
  await restricted.screenshot({ path: "/tmp/rules-hidden-duplicate.png", fullPage: true });
  // The admin still sees it.
  await page.goto(contactPath);
  await expect(page.getByRole("heading", { name: customer })).toBeVisible();

  // Handed to Robi, the card is his: now he can be given a todo. Handed back to Sára, his open todo goes to her, in the history.
  await page.goto(cardPath);
  await page.getByLabel("Owner").selectOption({ label: "Rejtett Robi" });
  await expect(page.getByText("Owner: Rejtett Robi")).toBeVisible();
  await addTodoOnCard(page, "Robi visits them", "Rejtett Robi");
  await page.getByLabel("Owner").selectOption({ label: "Szép Sára" });
  await expect(page.getByText("Owner: Szép Sára")).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText("handed on the todo “Robi visits them”: its assignee can no longer see the card")).toBeVisible();
  await expect(page.getByRole("region", { name: "Todos" }).getByText("Robi visits them", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Todos" })).not.toContainText("Rejtett Robi");
  await history.screenshot({ path: "/tmp/rules-reassigned-history.png" });
  await restricted.context().close();
});
