import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import postgres from "postgres";
import { admin, createModule, inviteAndActivate, markPage, expectNoReload, signIn, testClock } from "./fixtures";
import { postServerAction } from "./server-action";

/**
 * Issue 12's story: a manager builds "Offer sent → day 0 email to the person, day 2 09:00 todo for the
 * owner, day 5 email to the owner" by dragging steps from the palette, previews it and activates it; a
 * salesperson moves a card into the status; with the test clock advanced the email appears in the
 * card's history (kept in the outbox: e2e has no transport) and the todo in the owner's My todos, live;
 * moving the card out cancels the rest. Bad input in the editor is refused with a translated message; a
 * Normal user's hand-made POSTs of the automation actions are refused and write nothing.
 *
 * The email templates are stored through the test-mode route (/api/test/email-templates); the card and
 * its person are written by the salesperson in the browser. The story runs on both databases.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const manager = { firstName: "Margit", lastName: "Menedzser", email: `margit.auto.${run}@nordlicht.test`, password: "Margit-Auto-2026!" };
const seller = { firstName: "Sándor", lastName: "Sales", email: `sandor.auto.${run}@nordlicht.test`, password: "Sandor-Auto-2026!" };
const moduleName = `Auto HU ${run}`;
const automationName = `Offer follow-up ${run}`;
const cardName = `Alma Kft ${run}`;
const personEmail = `anna.${run}@alma.test`;
let moduleId = "";
let automationPath = "";

/** Only on the PostgreSQL project: counting rows straight from its database (the embedded PGlite lives inside the server). */
function database() {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${process.env.E2E_POSTGRES_DATABASE}`;
  return postgres(url.toString(), { max: 1, onnotice: () => {} });
}


async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * Drags with the mouse in small moves, as a person does (dnd-kit's pointer sensor starts after 4 px),
 * and drops just inside the bottom edge of `to`: below its last step, so a new step goes at the end
 * (dropped over a step, it would go in that step's place).
 */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  const end = { x: b.x + b.width / 2, y: b.y + b.height - 6 };
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 5 });
  await page.mouse.move(end.x, end.y - 2, { steps: 15 });
  await page.mouse.move(end.x, end.y, { steps: 2 });
  await page.mouse.up();
}

test("an admin sets up the module, a manager, a salesperson and two email templates; the salesperson writes a card with its person", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  moduleId = (await createModule(page, moduleName)).split("/")[2];
  for (const template of [
    { name: "Offer email", subject: "Our offer for {{card.name}}", bodyHtml: "<p>Dear {{recipient.name}}, here is our offer.</p>" },
    { name: "Owner reminder", subject: "Five days since the offer: {{card.name}}", bodyHtml: "<p>Check on {{card.name}}.</p>" },
  ]) {
    const stored = await page.request.post("/api/test/email-templates", { data: { moduleId, ...template } });
    expect(stored.ok()).toBe(true);
  }
  await (await inviteAndActivate(page, browser, manager, "Manager")).context().close();
  const sales = await inviteAndActivate(page, browser, seller, "Normal");
  await sales.goto(`/modules/${moduleId}/new`);
  await sales.getByLabel("Card name").fill(cardName);
  await sales.getByLabel("Owner", { exact: true }).selectOption({ label: `${seller.lastName} ${seller.firstName} (me)` });
  await sales.getByRole("combobox", { name: "Contact person" }).fill("Kiss Anna");
  await sales.getByRole("option", { name: "Create “Kiss Anna”" }).click();
  const newPerson = sales.getByRole("region", { name: "New person" });
  await newPerson.getByLabel("Emails").fill(personEmail);
  await newPerson.getByRole("button", { name: "Create and choose" }).click();
  await expect(sales.getByRole("group", { name: "Contact person" })).toContainText("Kiss Anna");
  await sales.getByLabel("Add a first todo").uncheck();
  await sales.getByRole("button", { name: "Create card" }).click();
  await expect(sales).toHaveURL(/\/cards\/[0-9a-f-]+$/);
  await sales.context().close();
});

test("a manager builds the sequence by dragging steps, is told what is wrong, saves it and sees the preview", async ({ page }) => {
  await signIn(page, manager.email, manager.password);
  await page.goto(`/modules/${moduleId}/automations`);
  await expect(page.getByRole("heading", { level: 1, name: "Automations" })).toBeVisible();
  await expect(page.getByText("No automations yet")).toBeVisible();
  await page.getByRole("link", { name: "New automation" }).first().click();

  await page.getByLabel("Name").fill(automationName);
  await page.getByLabel("By status").check();
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Offer sent" });
  await page.getByLabel("Continuous").check();
  expect(await axeProblems(page)).toEqual([]);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: automationName })).toBeVisible();
  automationPath = new URL(page.url()).pathname;

  // Drag the three steps from the palette into the sequence.
  const sequence = page.getByTestId("sequence");
  await drag(page, page.getByTestId("palette-email_contact"), sequence);
  await expect(page.getByRole("listitem", { name: "Step 1: Email to the contact" })).toBeVisible();
  await drag(page, page.getByTestId("palette-todo_user"), sequence);
  await expect(page.getByRole("listitem", { name: "Step 2: Todo for a user" })).toBeVisible();
  await drag(page, page.getByTestId("palette-email_user"), sequence);
  const third = page.getByRole("listitem", { name: "Step 3: Email to a user" });
  await expect(third).toBeVisible();
  // The keyboard way: Add to the end, move it up, remove it. (dnd-kit swallows the clicks of the first 50 ms
  // after a drop, a timer a loaded machine stretches: a click that landed there is given again.)
  const steps = page.getByTestId("sequence-step");
  await expect(async () => {
    if ((await steps.count()) === 3) await page.getByRole("button", { name: "Add “Todo for a user”" }).click();
    await expect(steps).toHaveCount(4, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("button", { name: "Move up: step 4" }).click();
  await expect(page.getByRole("listitem", { name: "Step 3: Todo for a user" })).toBeVisible();
  await page.getByRole("button", { name: "Remove step 3" }).click();
  await expect(steps).toHaveCount(3);

  const first = page.getByRole("listitem", { name: "Step 1: Email to the contact" });
  await first.getByLabel("Email template").selectOption({ label: "Offer email" });
  await first.getByLabel("Recipient").selectOption({ label: "The card's main person" });
  const second = page.getByRole("listitem", { name: "Step 2: Todo for a user" });
  await second.getByLabel("Days after entry").fill("2");
  await second.getByLabel("Send at (optional)").fill("09:00");
  await second.getByLabel("Todo text").fill("Call about the offer");
  await second.getByLabel("Recipient").selectOption({ label: "The card's owner" });
  await third.getByLabel("Days after entry").fill("10000");
  await third.getByLabel("Email template").selectOption({ label: "Owner reminder" });

  // Bad input: refused, with the reason next to the field; nothing saved.
  await page.getByRole("button", { name: "Save" }).click();
  await expect(third.getByText("The delay must be between 0 and 730 days.")).toBeVisible();
  await expect(page.getByText("Please check the highlighted fields.")).toBeVisible();
  await third.getByLabel("Days after entry").fill("5");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByRole("region", { name: "History of the automation" }).getByText("Edited")).toBeVisible();
  await expect(page.getByRole("region", { name: "Preview: the next 14 days" })).toBeVisible();
  expect(await axeProblems(page)).toEqual([]);
});

test("a Normal user's hand-made POSTs of the automation actions are refused and write nothing", async ({ page }) => {
  await signIn(page, seller.email, seller.password);
  const onPostgres = test.info().project.name === "postgres";
  const sql = onPostgres ? database() : null;
  try {
    const automationId = automationPath.split("/").pop()!;
    const counts = async () =>
      sql ? (await sql`select (select count(*)::int from automations) as a, (select count(*)::int from automation_steps) as s, (select count(*)::int from automation_events) as e`)[0] : null;
    const before = await counts();
    const call = (exportedName: string, input: unknown) =>
      postServerAction(page.request, { page: `/modules/${moduleId}/automations`, filename: "app/(app)/modules/[moduleId]/automations/actions.ts", exportedName, args: [null, input] });
    // The permission is checked before the input is even parsed: any ids will do.
    for (const [name, input] of [
      ["createAutomationAction", { moduleId, name: "Mine", trigger: "status", statusId: automationId }],
      ["saveStepsAction", { automationId, version: 1, name: "Mine", steps: [] }],
      ["activateAutomationAction", { automationId }],
      ["switchOffAutomationAction", { automationId }],
      ["previewAutomationAction", { automationId }],
    ] as const) {
      const { body } = await call(name, input);
      expect(body, name).toContain('"error":"forbidden"');
    }
    expect(await counts()).toEqual(before);
    expect((await page.goto(`/modules/${moduleId}/automations`))?.status()).toBe(403);
    expect((await page.goto(automationPath))?.status()).toBe(403);
  } finally {
    await sql?.end();
  }
});

test("the manager activates it: read-only in the editor, and Active with its steps on the Automations page", async ({ page }) => {
  await signIn(page, manager.email, manager.password);
  await page.goto(automationPath);
  await page.getByRole("button", { name: "Activate" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Activate" }).click();
  await expect(page.getByText(/^Activated: \d+ cards? entered\.$/)).toBeVisible();
  await expect(page.getByText("This automation is active, so its steps are read-only. Switch it off to edit.")).toBeVisible();
  await expect(page.getByRole("region", { name: "History of the automation" }).getByText("Activated")).toBeVisible();

  await page.goto(`/modules/${moduleId}/automations`);
  const item = page.getByRole("listitem").filter({ hasText: automationName });
  await expect(item).toContainText("Active");
  await expect(item).toContainText("Cards in the status “Offer sent” · Continuous · 3 steps");
});

test("a salesperson moves the card into the status: the day-0 email, then the day-2 todo live in My todos; moving it out cancels the rest", async ({ page, browser }) => {
  const start = await testClock.now(page.request);
  try {
    await signIn(page, seller.email, seller.password);
    await page.goto(`/modules/${moduleId}/board`);
    await page.getByRole("button", { name: `Move “${cardName}” to` }).click();
    await page.getByRole("button", { name: "Offer sent", exact: true }).click();
    await expect(page.getByText(`Moved “${cardName}” to Offer sent.`)).toBeVisible();

    await page.getByRole("link", { name: cardName }).first().click();
    const history = page.getByRole("region", { name: "History" });
    await expect(history.getByText(new RegExp(`${automationName}.*step 1`, "i"))).toBeVisible({ timeout: 30_000 });
    const cardUrl = page.url();

    // The owner's My todos, open while the clock passes day 2, 09:00: the todo arrives without a reload.
    const todos = await (await browser.newContext()).newPage();
    await signIn(todos, seller.email, seller.password);
    await todos.goto("/todos");
    await markPage(todos);
    await testClock.set(page.request, new Date(start.getTime() + 3 * 86_400_000));
    await expect(todos.getByText("Call about the offer")).toBeVisible({ timeout: 30_000 });
    await expectNoReload(todos);
    await todos.context().close();

    // Out of the status before day 5: the owner's email never comes.
    await page.goto(`/modules/${moduleId}/board`);
    await page.getByRole("button", { name: `Move “${cardName}” to` }).click();
    await page.getByRole("button", { name: "Won", exact: true }).click();
    await expect(page.getByText(`Moved “${cardName}” to Won.`)).toBeVisible();
    await testClock.set(page.request, new Date(start.getTime() + 6 * 86_400_000));
    // On the Automations page: the two steps done, the third cancelled (nothing pending, nothing skipped, nobody inside).
    const managerPage = await (await browser.newContext()).newPage();
    await signIn(managerPage, manager.email, manager.password);
    await managerPage.goto(`/modules/${moduleId}/automations`);
    await expect(managerPage.getByRole("listitem").filter({ hasText: automationName })).toContainText("0 inside · 2 done · 0 pending · 0 skipped");
    await managerPage.context().close();
    // The day-0 email is in the outbox (no mail transport in e2e), to the card's person.
    const adminPage = await (await browser.newContext()).newPage();
    await signIn(adminPage, admin.email, admin.password);
    await adminPage.goto("/settings/outbox");
    await expect(adminPage.getByText(`Our offer for ${cardName}`)).toBeVisible();
    await adminPage.context().close();
    await page.goto(cardUrl);
    await expect(page.getByRole("region", { name: "History" }).getByText(new RegExp(`${automationName}.*step 3`, "i"))).toHaveCount(0);
  } finally {
    await testClock.set(page.request, start);
  }
});

