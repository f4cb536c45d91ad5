import type { Page } from "@playwright/test";

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
