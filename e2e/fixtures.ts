import { expect, type Browser, type Page } from "@playwright/test";

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
