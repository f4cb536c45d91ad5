import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { addTodoOnCard, admin, chooseLanguage, createModule, inviteAndActivate, signIn, testClock } from "./fixtures";

/**
 * WCAG 2.1 AA, checked by axe on every kind of page, in both languages: no serious or critical
 * violation anywhere (contrast, names, labels, label-in-name, structure).
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const auditor = { firstName: "Ágota", lastName: "Audit", email: `agota.audit.${run}@nordlicht.test`, password: "Agota-Audit-2026!" };
const moduleName = `Audit ${run}`;
const groupName = `Audit group ${run}`;
let modulePath = "";
let cardPath = "";
let contactPath = "";
let moduleSettingsPath = "";

type Language = "English" | "Magyar";

/** Runs axe with the WCAG 2.0/2.1 A and AA rules and fails on serious or critical findings, listing each one readably. */
async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const grave = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = grave
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help}`,
        ...v.nodes.map((n) => `  - ${n.target.join(" ")}\n    ${(n.failureSummary ?? "").replaceAll("\n", "\n    ")}`),
      ].join("\n"),
    )
    .join("\n");
  // Soft: one run lists the findings of every page.
  expect.soft(report, `${what}: ${grave.length} serious or critical WCAG 2.1 AA violation(s)`).toBe("");
}

async function visit(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

test("an auditor's own data: a module with a card that has todos, contacts and history, and a group", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const auditPage = await inviteAndActivate(page, browser, auditor, "Admin");
  modulePath = await createModule(auditPage, moduleName);

  await auditPage.getByRole("link", { name: "New card" }).first().click();
  await auditPage.getByLabel("Card name").fill(`Audit deal ${run}`);
  await auditPage.getByRole("combobox", { name: "Company" }).fill(`Audit Kft. ${run}`);
  await auditPage.getByRole("option", { name: `Create “Audit Kft. ${run}”` }).click();
  const newCompany = auditPage.getByRole("region", { name: "New company" });
  await newCompany.getByLabel("Emails").fill(`info@audit-${run}.hu`);
  await newCompany.getByRole("button", { name: "Create and choose" }).click();
  await expect(auditPage.getByRole("group", { name: "Company" })).toContainText(`Audit Kft. ${run}`);
  await auditPage.getByRole("combobox", { name: "Contact person" }).fill(`Szép Ilona ${run}`);
  await auditPage.getByRole("option", { name: `Create “Szép Ilona ${run}”` }).click();
  const newPerson = auditPage.getByRole("region", { name: "New person" });
  await newPerson.getByLabel("Phones").fill("+36 1 234 5678");
  await newPerson.getByRole("button", { name: "Create and choose" }).click();
  await expect(auditPage.getByRole("group", { name: "Contact person" })).toContainText(`Szép Ilona ${run}`);
  await auditPage.getByLabel("Todo", { exact: true }).fill("Send the audit offer");
  await auditPage.getByRole("button", { name: "Create card" }).click();
  await expect(auditPage).toHaveURL(/\/cards\/[0-9a-f-]+$/);
  cardPath = new URL(auditPage.url()).pathname;

  // History: a completed todo; open todos, one of them the auditor's own (for My todos).
  const todos = auditPage.getByRole("region", { name: "Todos" });
  await todos.getByRole("button", { name: "Complete: Send the audit offer" }).click();
  await auditPage.getByLabel("Todo", { exact: true }).fill("Call about the audit offer");
  await auditPage.getByRole("button", { name: "Add next todo" }).click();
  await expect(todos.getByText("Call about the audit offer", { exact: true })).toBeVisible();
  await addTodoOnCard(auditPage, "Meet the audit team", "Kovács Anna");
  // A todo in the trash, for the trash page's restore buttons.
  await addTodoOnCard(auditPage, "An audit todo for the trash", "Kovács Anna");
  await todos.getByRole("button", { name: "Move to trash: An audit todo for the trash" }).click();
  await auditPage.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
  await expect(todos.getByText("An audit todo for the trash", { exact: true })).toHaveCount(0);

  await auditPage.getByRole("link", { name: `Szép Ilona ${run}`, exact: true }).click();
  await expect(auditPage).toHaveURL(/\/contacts\/[0-9a-f-]+$/);
  contactPath = new URL(auditPage.url()).pathname;

  await auditPage.goto("/settings/modules");
  await auditPage.getByRole("link", { name: `Statuses and fields ${moduleName}` }).click();
  await expect(auditPage).toHaveURL(/\/settings\/modules\/[0-9a-f-]+$/);
  moduleSettingsPath = new URL(auditPage.url()).pathname;

  await auditPage.goto("/settings/groups");
  await auditPage.getByLabel("Group name").fill(groupName);
  await auditPage.getByRole("button", { name: "Create group" }).click();
  await expect(auditPage.getByText(`Group ${groupName} has been created.`)).toBeVisible();
  await auditPage.context().close();
});

for (const [language, h] of [
  ["English", { login: "Sign in", todos: "My todos", contacts: "Contacts", profile: "My profile", users: "Users", modules: "Modules", groups: "Groups", trash: "Trash", notFound: "Page not found" }],
  ["Magyar", { login: "Bejelentkezés", todos: "Teendőim", contacts: "Kapcsolatok", profile: "Profilom", users: "Felhasználók", modules: "Modulok", groups: "Csoportok", trash: "Lomtár", notFound: "Az oldal nem található" }],
] as const satisfies [Language, Record<string, string>][]) {
  test(`every page meets WCAG 2.1 AA in ${language}`, async ({ page }) => {
    test.setTimeout(240_000); // some twenty pages, each audited
    await page.goto("/login");
    await chooseLanguage(page, language);
    await expect(page.getByRole("heading", { level: 1, name: h.login })).toBeVisible();
    await expectAccessible(page, "login");

    await signIn(page, auditor.email, auditor.password);
    await page.getByLabel(/^(User menu|Felhasználói menü)$/).click();
    await chooseLanguage(page, language);
    await expect(page.locator("html")).toHaveAttribute("lang", language === "English" ? "en" : "hu");

    await visit(page, modulePath, moduleName);
    await expect(page.getByRole("link", { name: `Audit deal ${run}` })).toBeVisible();
    await expectAccessible(page, "card list");

    await visit(page, `${modulePath}/board`, moduleName);
    await expect(page.getByText(`Audit deal ${run}`)).toBeVisible();
    await expectAccessible(page, "board");

    await visit(page, cardPath, `Audit deal ${run}`);
    await expect(page.getByText("Meet the audit team", { exact: true })).toBeVisible();
    await expectAccessible(page, "card page");

    await visit(page, "/todos", h.todos);
    await expect(page.getByText("Call about the audit offer")).toBeVisible();
    await expectAccessible(page, "My todos");

    await visit(page, "/contacts", h.contacts);
    await expect(page.getByRole("link", { name: `Szép Ilona ${run}` }).first()).toBeVisible();
    await expectAccessible(page, "contact list");

    await visit(page, contactPath, `Szép Ilona ${run}`);
    await expectAccessible(page, "contact page");

    await visit(page, "/profile", h.profile);
    await expectAccessible(page, "profile");

    for (const [path, heading] of [
      ["/settings/users", h.users],
      ["/settings/modules", h.modules],
      ["/settings/groups", h.groups],
    ] as const) {
      await visit(page, path, heading);
      await expectAccessible(page, path);
    }
    await visit(page, moduleSettingsPath, moduleName);
    await expectAccessible(page, "a module's statuses and fields");

    await visit(page, "/trash", h.trash);
    await expect(page.getByText("An audit todo for the trash")).toBeVisible();
    await expectAccessible(page, "trash");

    await visit(page, `/no-such-page-${run}`, h.notFound);
    await expectAccessible(page, "404");

    // The overdue style (red words on a red tint): ten days on, on the server's clock, every open todo is overdue.
    await testClock.set(page.request, new Date((await testClock.now(page.request)).getTime() + 10 * 86_400_000));
    try {
      await visit(page, modulePath, moduleName);
      await expect(page.locator("[data-state=overdue]").first()).toBeVisible();
      await expectAccessible(page, "card list, overdue");
      await visit(page, `${modulePath}/board`, moduleName);
      await expectAccessible(page, "board, overdue");
      await visit(page, cardPath, `Audit deal ${run}`);
      await expectAccessible(page, "card page, overdue");
      await visit(page, "/todos", h.todos);
      await expectAccessible(page, "My todos, overdue");
    } finally {
      await testClock.reset(page.request);
    }
  });
}
