import { expect, test } from "@playwright/test";
import { admin, signIn, signOut } from "./fixtures";
import { postServerAction } from "./server-action";

test.describe.configure({ mode: "serial" });

test("an empty installation opens the setup page, which refuses bad input and creates the organisation and first admin", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "A CRM beállítása" })).toBeVisible();

  await page.getByLabel("A szervezet neve").fill(admin.organisation);
  await page.getByLabel("Vezetéknév").fill(admin.lastName);
  await page.getByLabel("Keresztnév").fill(admin.firstName);
  await page.getByLabel("E-mail").fill(admin.email);
  await page.getByLabel("Alapértelmezett nyelv").selectOption("en");

  // A common password is refused with a translated message and nothing is created.
  await page.getByLabel("Jelszó").fill("password1234");
  await page.getByRole("button", { name: "Szervezet létrehozása" }).click();
  await expect(page.getByText("Ez a jelszó túl gyakori.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("A szervezet neve")).toHaveValue(admin.organisation); // nothing typed is lost
  await expect(page).toHaveURL(/\/setup$/);

  await page.getByLabel("Jelszó").fill(admin.password);
  await page.getByRole("button", { name: "Szervezet létrehozása" }).click();
  // The admin is signed in straight away, in the organisation's default language.
  // An admin's home is the team's dashboard, with My todos one click away.
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.getByRole("link", { name: "My todos" }).first().click();
  await expect(page.getByRole("heading", { name: "My todos" })).toBeVisible();
});

test("after setup the setup page is closed for good, even to a direct POST", async ({ page, request }) => {
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$/);

  const second = { ...admin, organisationName: "Hijack Ltd.", email: "evil@hijack.test", timeZone: "UTC", defaultLocale: "en" };
  const { body } = await postServerAction(request, { page: "/setup", filename: "app/setup/actions.ts", exportedName: "setupAction", args: [null, second] });
  expect(body).toContain('"error":"setup_done"');

  // Nothing changed: the organisation keeps its name and the intruder cannot sign in.
  await signIn(page, admin.email, admin.password);
  await expect(page.getByRole("link", { name: admin.organisation })).toBeVisible();
  await signOut(page);
  await page.getByLabel("Email").fill(second.email);
  await page.getByLabel("Password").fill(second.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
});

test("the admin signs out and in again; a wrong password gets a message that does not say whether the email exists", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await signOut(page);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await page.getByLabel("Email").fill("nobody@nordlicht.test");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
});
