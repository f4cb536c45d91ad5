import { expect, test } from "@playwright/test";
import { admin, chooseLanguage, signIn, signOut } from "./fixtures";

test("a user switches between Hungarian and English, and the choice follows them to their next sign-in", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();

  await page.getByLabel("User menu").click();
  await chooseLanguage(page, "Magyar");
  await expect(page.getByRole("heading", { name: "Irányítópult", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Fő navigáció" }).getByRole("link", { name: "Kapcsolatok" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "hu");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Irányítópult", level: 1 })).toBeVisible();

  await signOut(page);
  await signIn(page, admin.email, admin.password);
  await expect(page.getByRole("heading", { name: "Irányítópult", level: 1 })).toBeVisible();

  await page.getByLabel("Felhasználói menü").click();
  await chooseLanguage(page, "English");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the login page has its own language switch", async ({ page }) => {
  await page.goto("/login");
  await chooseLanguage(page, "Magyar");
  await expect(page.getByRole("heading", { name: "Bejelentkezés" })).toBeVisible();
  await chooseLanguage(page, "English");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});
