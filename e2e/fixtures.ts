import { TZDate } from "@date-fns/tz";
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { format } from "date-fns";

/** The first admin, created by the first-run story on every database. */
export const admin = {
  organisation: "Nordlicht Kft.",
  firstName: "Anna",
  lastName: "Kovács",
  email: "anna@nordlicht.test",
  password: "Nordlicht-Admin-2026",
};

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel(/^(Email|E-mail)$/).fill(email);
  await page.getByLabel(/^(Password|Jelszó)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|Bejelentkezés)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function signOut(page: Page) {
  await page.getByLabel(/^(User menu|Felhasználói menü)$/).click();
  await page.getByRole("button", { name: /^(Sign out|Kijelentkezés)$/ }).click();
  await page.waitForURL(/\/login/);
}

/** Switches the UI language with the language switch (on the login page or in the user menu). */
export async function chooseLanguage(page: Page, language: "English" | "Magyar") {
  await page.getByRole("button", { name: language, exact: true }).first().click();
}

/** An admin (signed in on `page`) invites a user; returns the one-time link. */
export async function inviteUser(page: Page, who: { firstName: string; lastName: string; email: string }, role = "Normal") {
  await page.goto("/settings/users");
  const form = page.getByRole("form", { name: "Invite a user" });
  await form.getByLabel("Last name").fill(who.lastName);
  await form.getByLabel("First name").fill(who.firstName);
  await form.getByLabel("Email").fill(who.email);
  await form.getByLabel("Role").selectOption({ label: role });
  await form.getByRole("button", { name: "Invite user" }).click();
  await expect(page.getByText(`${who.email} has been invited.`)).toBeVisible();
  return page.getByLabel("Invitation link", { exact: true }).inputValue();
}

/** Invites a user and lets them set their password in a browser of their own; returns that signed-in page. */
export async function inviteAndActivate(
  adminPage: Page,
  browser: Browser,
  who: { firstName: string; lastName: string; email: string; password: string },
  role = "Normal",
): Promise<Page> {
  const link = await inviteUser(adminPage, who, role);
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(who.password);
  await page.getByLabel("Confirm new password").fill(who.password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Your password has been set.", { exact: false })).toBeVisible();
  await signIn(page, who.email, who.password);
  return page;
}

/** The organisation's time zone: the setup form's default, which the first-run story keeps. */
export const orgTimeZone = "Europe/Budapest";

/** An instant as the todo form's Date and Time fields take it, on the organisation's clock. */
export function orgDateTime(at: Date): { date: string; time: string } {
  const zoned = new TZDate(at, orgTimeZone);
  return { date: format(zoned, "yyyy-MM-dd"), time: format(zoned, "HH:mm") };
}

/** The first midnight after `at` on the organisation's clock. */
export function nextOrgMidnight(at: Date): Date {
  const zoned = new TZDate(at, orgTimeZone);
  return new Date(new TZDate(zoned.getFullYear(), zoned.getMonth(), zoned.getDate() + 1, orgTimeZone).getTime());
}

/** The server's test-only clock (app/api/test/clock): stories move it to pass deadlines and midnight, then put it back. */
export const testClock = {
  async now(request: APIRequestContext): Promise<Date> {
    return new Date((await (await request.get("/api/test/clock")).json()).now);
  },
  async set(request: APIRequestContext, at: Date): Promise<void> {
    expect((await request.post("/api/test/clock", { data: { at: at.toISOString() } })).ok()).toBe(true);
  },
  reset(request: APIRequestContext): Promise<void> {
    return testClock.set(request, new Date());
  },
};

/**
 * Follows a link of the main navigation: in its row, or in its "More" menu when the row is full (many
 * modules), or in the phone's menu. Waits until the navigation has measured what fits.
 */
export async function openFromNav(page: Page, name: string) {
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.locator("[data-ready]").or(nav.and(page.locator("[data-ready]"))).first()).toBeAttached();
  const link = nav.getByRole("link", { name, exact: true });
  // The row refits when its labels' font arrives, so a link seen in the row can move into the closed
  // menu a moment later (or back): look again until one click lands.
  await expect(async () => {
    if (!(await link.isVisible())) {
      const menu = nav.getByRole("button", { name: /^(More|Open menu)$/ });
      if ((await menu.getAttribute("aria-expanded")) !== "true") await menu.click({ timeout: 2_000 });
    }
    await link.click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** An admin (signed in on `page`) creates a module and opens its card list; returns the list's path. */
export async function createModule(page: Page, name: string): Promise<string> {
  await page.goto("/settings/modules");
  await page.getByLabel("Module name").fill(name);
  await page.getByRole("button", { name: "Create module" }).click();
  await expect(page.getByText(`Module “${name}” created.`)).toBeVisible();
  await openFromNav(page, name);
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** An admin creates a module with one custom field on its settings page; returns the module's id. */
export async function createModuleWithField(page: Page, name: string, field: { name: string; type: string }): Promise<string> {
  await page.goto("/settings/modules");
  await page.getByLabel("Module name").fill(name);
  await page.getByRole("button", { name: "Create module" }).click();
  await expect(page.getByText(`Module “${name}” created.`)).toBeVisible();
  await page.getByRole("link", { name: `Statuses and fields ${name}` }).click();
  const addField = page.getByRole("form", { name: "Add a field" });
  await addField.getByLabel("Field name").fill(field.name);
  await addField.getByLabel("Type").selectOption({ label: field.type });
  await addField.getByRole("button", { name: "Add field" }).click();
  await expect(page.getByRole("button", { name: `Edit ${field.name}` })).toBeVisible();
  return /\/settings\/modules\/([0-9a-f-]+)/.exec(page.url())![1];
}

/** On a card page: adds a todo for `assignee` (as the list shows them, "Last First") and waits until it is listed. */
export async function addTodoOnCard(page: Page, text: string, assignee: string): Promise<void> {
  const todos = page.getByRole("region", { name: "Todos" });
  await todos.getByRole("button", { name: "Add todo" }).click();
  await todos.getByLabel("Todo", { exact: true }).fill(text);
  await todos.getByLabel("Assignee").selectOption({ label: assignee });
  await todos.getByRole("button", { name: "Add todo" }).last().click();
  await expect(todos.getByText(text, { exact: true })).toBeVisible();
}

/** Marks the page's JavaScript world; `expectNoReload` later proves the page was updated in place, not reloaded. */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { notReloaded?: boolean }).notReloaded = true));
}

export async function expectNoReload(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), "the page was reloaded").toBe(true);
}

/**
 * Opens `path` in a new tab of the same browser and waits until its live connection is up (Socket.IO's
 * CONNECT reply arrived). `onFrame` hears every frame the live server sends that tab.
 */
export async function openLive(context: BrowserContext, path: string, onFrame?: (payload: string) => void): Promise<Page> {
  const page = await context.newPage();
  const connected = new Promise<void>((resolve) =>
    page.on("websocket", (ws) =>
      ws.on("framereceived", (frame) => {
        const payload = String(frame.payload);
        if (payload.startsWith("40")) resolve();
        onFrame?.(payload);
      }),
    ),
  );
  await page.goto(path);
  await connected;
  return page;
}
