import { expect, test } from "@playwright/test";
import { admin, createModule, signIn } from "./fixtures";

test("the quick search says it is working until the new list is there", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const listPath = await createModule(page, "Search feedback");
  await page.goto(listPath);

  // A slow server: the list's data for the search takes a second to come.
  await page.route(/\?q=nothing-like-this/, async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  const filters = page.getByRole("search", { name: "Filters" });
  await filters.getByLabel("Quick search").fill("nothing-like-this");
  await filters.getByLabel("Quick search").press("Enter");
  await expect(filters).toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("heading", { name: "No cards match" })).toBeVisible();
  await expect(filters).toHaveAttribute("aria-busy", "false");
  expect(new URL(page.url()).searchParams.get("q")).toBe("nothing-like-this");
});
