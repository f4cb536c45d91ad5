import { expect, test, type Page } from "@playwright/test";
import { admin, createModule, openFromNav, signIn } from "./fixtures";

const slow = 2500; // ms the server takes for each page

/** From now on every page the app navigates to (its RSC request) arrives `slow` ms late. */
async function slowServer(page: Page) {
  await page.route(
    (url) => url.searchParams.has("_rsc"),
    async (route) => {
      const headers = route.request().headers();
      if (headers["next-router-prefetch"] || headers["next-router-segment-prefetch"]) return route.continue(); // only the navigations are slow
      await new Promise((r) => setTimeout(r, slow));
      await route.continue();
    },
  );
}

/** What says "loading": the clicked link's pending state (the main area busy, a polite "Loading page…"). */
const busy = (page: Page) => page.locator('main[aria-busy="true"]');
const loadingText = (page: Page) => page.getByRole("status").filter({ hasText: /^Loading page…$/ });

/** Right after the click — well before the slow page is there — the app says it is loading. */
async function expectLoadingAtOnce(page: Page) {
  const soon = { timeout: slow / 2 };
  await expect(busy(page).first()).toBeAttached(soon);
  await expect(loadingText(page).first()).toBeAttached(soon);
}

async function expectLoaded(page: Page) {
  await expect(busy(page)).toHaveCount(0);
  await expect(loadingText(page)).toHaveCount(0);
}

test("with a slow server, clicking a module, a card or a navigation link says at once that the page is loading", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const run = Date.now().toString(36);
  const moduleName = `Slow lane ${run}`;
  const cardName = `Slow deal ${run}`;
  const listPath = await createModule(page, moduleName);
  await page.goto(`${listPath}/new`);
  await page.getByLabel("Card name").fill(cardName);
  await page.getByLabel("Todo", { exact: true }).fill("Ring them");
  await page.getByRole("button", { name: "Create card" }).click();
  await expect(page).toHaveURL(/\/cards\//);

  await page.goto("/todos");
  await slowServer(page);

  // A module in the navigation.
  await openFromNav(page, moduleName);
  await expectLoadingAtOnce(page);
  await expect(page.getByRole("heading", { name: moduleName, level: 1 })).toBeVisible();
  await expectLoaded(page);

  // A card in the list.
  await page.getByRole("link", { name: cardName }).click();
  await expectLoadingAtOnce(page);
  await expect(page.getByRole("heading", { name: cardName, level: 1 })).toBeVisible();
  await expectLoaded(page);

  // A link of the navigation.
  await openFromNav(page, "Contacts");
  await expectLoadingAtOnce(page);
  await expect(page.getByRole("heading", { name: "Contacts", level: 1 })).toBeVisible();
  await expectLoaded(page);
});
