import { expect, test, type Page } from "@playwright/test";
import { addTodoOnCard, admin, createModule, expectNoReload, inviteAndActivate, markPage, openLive, orgDateTime, signIn, testClock } from "./fixtures";

test.describe.configure({ mode: "serial" });

const vera = { firstName: "Vera", lastName: "Vass", email: "vera.vass@nordlicht.test", password: "Vera-Views-2026!" };
/** A live change must show without a reload; SPEC asks for ~1 s, this leaves room for a busy CI machine (the log shows the real time). */
const live = { timeout: 5000 };
let listPath = "";
let cardPath = "";

/** Waits for what the other browser should now show, and logs how long it took after the change was saved. */
async function shows(what: string, since: number, assertion: Promise<void>) {
  await assertion;
  console.log(`${what}: ${Date.now() - since} ms`);
}

const statusCount = (page: Page, status: string) => page.getByRole("navigation", { name: "Statuses" }).getByRole("link", { name: new RegExp(`^${status}`) });

test("a colleague's card list counts, board, card page and My todos follow the admin's changes without a reload", async ({ page, browser, request }) => {
  await signIn(page, admin.email, admin.password);
  listPath = await createModule(page, "Live views");
  const colleague = (await inviteAndActivate(page, browser, vera)).context();
  const list = await openLive(colleague, listPath);
  const board = await openLive(colleague, `${listPath}/board`);
  const todos = await openLive(colleague, "/todos");
  for (const p of [list, board, todos]) await markPage(p);

  // The admin creates a card whose first todo is Vera's, due tomorrow.
  await page.goto(listPath);
  await page.getByRole("link", { name: "New card" }).first().click();
  await page.getByLabel("Card name").fill("Harbour deal");
  await page.getByLabel("Todo", { exact: true }).fill("Send the harbour offer");
  await page.getByLabel("Assignee").selectOption({ label: "Vass Vera" });
  const tomorrow = orgDateTime(new Date((await testClock.now(request)).getTime() + 24 * 3600_000));
  await page.getByLabel("Date").fill(tomorrow.date);
  await page.getByLabel("Time").fill("09:00");
  await page.getByRole("button", { name: "Create card" }).click();
  await expect(page).toHaveURL(/\/cards\//);
  let since = Date.now();
  cardPath = new URL(page.url()).pathname;

  await shows("created → list", since, expect(list.getByRole("link", { name: "Harbour deal" })).toBeVisible(live));
  await shows("created → status counts", since, expect(statusCount(list, "New lead")).toHaveText(/New lead\s*1$/, live));
  await expect(statusCount(list, "All")).toHaveText(/All\s*1$/);
  await shows("created → board", since, expect(board.getByRole("list", { name: "New lead: 1 card" }).getByRole("link", { name: "Harbour deal" })).toBeVisible(live));
  await shows("created → My todos", since, expect(todos.getByText("Send the harbour offer", { exact: true })).toBeVisible(live));

  const card = await openLive(colleague, cardPath);
  await markPage(card);
  const cardTodos = card.getByRole("region", { name: "Todos" });
  await expect(cardTodos.getByText("Send the harbour offer", { exact: true })).toBeVisible();

  // The admin adds a second todo for Vera on the card page.
  await addTodoOnCard(page, "Book the site visit", "Vass Vera");
  const adminTodos = page.getByRole("region", { name: "Todos" });
  since = Date.now();
  await shows("todo added → card page", since, expect(cardTodos.getByText("Book the site visit", { exact: true })).toBeVisible(live));
  await shows("todo added → My todos", since, expect(todos.getByText("Book the site visit", { exact: true })).toBeVisible(live));

  // … and completes the first one: it leaves Vera's open todos everywhere.
  await adminTodos.getByRole("button", { name: "Complete: Send the harbour offer" }).click();
  await expect(page.getByRole("heading", { name: "Next todo" })).toBeVisible();
  since = Date.now();
  await shows("todo completed → My todos", since, expect(todos.getByText("Send the harbour offer", { exact: true })).toHaveCount(0, live));
  await shows("todo completed → card page", since, expect(cardTodos.getByRole("button", { name: "Complete: Send the harbour offer" })).toHaveCount(0, live));

  // The admin moves the card on the board.
  await page.goto(`${listPath}/board`);
  await page.getByRole("button", { name: "Move “Harbour deal” to" }).click();
  await page.getByRole("button", { name: "Contacted", exact: true }).click();
  await expect(page.getByText("Moved “Harbour deal” to Contacted.")).toBeVisible();
  since = Date.now();
  await shows("moved → board", since, expect(board.getByRole("list", { name: "Contacted: 1 card" }).getByRole("link", { name: "Harbour deal" })).toBeVisible(live));
  await expect(board.getByRole("list", { name: "New lead: 0 cards" })).toBeVisible();
  await shows("moved → status counts", since, expect(statusCount(list, "Contacted")).toHaveText(/Contacted\s*1$/, live));
  await expect(statusCount(list, "New lead")).toHaveText(/New lead\s*0$/);
  await shows("moved → card page", since, expect(card.getByLabel("Status", { exact: true }).locator("option:checked")).toHaveText("Contacted", live));

  for (const p of [list, board, todos, card]) await expectNoReload(p);
  await colleague.close();
});

test("avatars show who else has a card open, and go when they leave", async ({ page, browser }) => {
  const colleague = await (await browser.newContext()).newPage();
  await signIn(colleague, vera.email, vera.password);
  await colleague.goto(cardPath);
  await signIn(page, admin.email, admin.password);
  await page.goto(cardPath);

  const alsoHere = (p: Page) => p.getByRole("group", { name: "Also viewing" });
  await expect(alsoHere(page).getByRole("img", { name: "Vass Vera" })).toBeVisible(live);
  await expect(alsoHere(colleague).getByRole("img", { name: "Kovács Anna" })).toBeVisible(live);

  // Vera moves on inside the app (the page stays, the card is left) …
  await colleague.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "My todos" }).click();
  await expect(colleague).toHaveURL(/\/todos$/);
  await expect(alsoHere(page)).toHaveCount(0, live);

  // … comes back, and then closes her browser.
  await colleague.goBack();
  await expect(alsoHere(page).getByRole("img", { name: "Vass Vera" })).toBeVisible(live);
  await colleague.context().close();
  await expect(alsoHere(page)).toHaveCount(0, live);
});
