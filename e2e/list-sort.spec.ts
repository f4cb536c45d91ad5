import { expect, test } from "@playwright/test";
import { admin, createModule, signIn } from "./fixtures";

test("the list sorts from its column headers and the sort menu, by keyboard too, and its links keep the order", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const listPath = await createModule(page, `Sort headers ${Date.now()}`);
  for (const name of ["Bravo", "alpha", "Charlie"]) {
    await page.goto(`${listPath}/new`);
    await page.getByLabel("Card name").fill(name);
    await page.getByRole("checkbox", { name: "Add a first todo" }).uncheck();
    await page.getByRole("button", { name: "Create card" }).click();
    await expect(page).toHaveURL(/\/cards\/[0-9a-f-]+$/);
  }
  await page.goto(listPath);
  const table = page.getByRole("table");
  const names = table.getByRole("rowheader").getByRole("link");
  const header = (name: RegExp) => table.getByRole("columnheader", { name });

  // By next todo (the default): that column says so; "Card" is a link that sorts by name, reached by keyboard.
  await expect(header(/^Next todo/)).toHaveAttribute("aria-sort", "ascending");
  await expect(header(/^Card/)).not.toHaveAttribute("aria-sort");
  await header(/^Card/).getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]sort=name/);
  await expect(header(/^Card/)).toHaveAttribute("aria-sort", "ascending");
  await expect(names).toHaveText(["alpha", "Bravo", "Charlie"]);
  await expect(page.getByLabel("Sort by")).toHaveValue("name");

  // The status sidebar and List/Board keep the sort.
  await expect(page.getByRole("navigation", { name: "Statuses" }).getByRole("link").first()).toHaveAttribute("href", /sort=name/);
  await expect(page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Board" })).toHaveAttribute("href", /sort=name/);

  // Last activity: newest first.
  await header(/^Last activity/).getByRole("link").click();
  await expect(header(/^Last activity/)).toHaveAttribute("aria-sort", "descending");
  await expect(names).toHaveText(["Charlie", "alpha", "Bravo"]);

  // Created, from the sort menu: newest first.
  await page.getByLabel("Sort by").selectOption({ label: "Newest first" });
  await expect(page).toHaveURL(/[?&]sort=created/);
  await expect(names).toHaveText(["Charlie", "alpha", "Bravo"]);

  // Back to the default: the URL drops the sort.
  await page.getByLabel("Sort by").selectOption({ label: "Next todo" });
  await expect(page).not.toHaveURL(/sort=/);
});
