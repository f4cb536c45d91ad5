import { expect, test, type Locator, type Page } from "@playwright/test";
import { addTodoOnCard, admin, chooseLanguage, createModule, inviteAndActivate, openFromNav, signIn } from "./fixtures";

/** The small things a new user trips over: one word per action, the icon, the 404, the role select, the dialog, the list. */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const dora = { firstName: "Dóra", lastName: "Details", email: `dora.details.${run}@nordlicht.test`, password: "Dora-Details-2026!" };
const moduleName = `Details ${run}`;
const cardName = `Tisza Kft. ${run}`;
let modulePath = "";
let cardPath = "";

async function setLanguage(page: Page, language: "English" | "Magyar") {
  await page.getByLabel(/^(User menu|Felhasználói menü)$/).click();
  await chooseLanguage(page, language);
  await expect(page.locator("html")).toHaveAttribute("lang", language === "English" ? "en" : "hu");
}

/** The visible words of the page's buttons. */
async function buttonWords(scope: Locator): Promise<string[]> {
  return (await scope.getByRole("button").allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

test("a card named after its company, with todos, for the stories below", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const doraPage = await inviteAndActivate(page, browser, dora, "Admin");
  modulePath = await createModule(doraPage, moduleName);
  await doraPage.getByRole("link", { name: "New card" }).first().click();
  await doraPage.getByLabel("Card name").fill(cardName);
  // The company is written in capitals: still the same name.
  await doraPage.getByRole("combobox", { name: "Company" }).fill(cardName.toUpperCase());
  await doraPage.getByRole("option", { name: `Create “${cardName.toUpperCase()}”` }).click();
  await doraPage.getByRole("region", { name: "New company" }).getByRole("button", { name: "Create and choose" }).click();
  await expect(doraPage.getByRole("group", { name: "Company" })).toContainText(cardName.toUpperCase());
  await doraPage.getByLabel("Todo", { exact: true }).fill("Send the Tisza offer");
  await doraPage.getByRole("button", { name: "Create card" }).click();
  await expect(doraPage).toHaveURL(/\/cards\/[0-9a-f-]+$/);
  cardPath = new URL(doraPage.url()).pathname;
  await addTodoOnCard(doraPage, "Call Tisza back", "Kovács Anna");
  await doraPage.context().close();
});

test("one verb per action: Complete and Move to trash on the card page and in My todos, in both languages", async ({ page }) => {
  await signIn(page, dora.email, dora.password);
  for (const [language, complete, trash, not] of [
    ["English", "Complete", "Move to trash", ["Done", "Delete"]],
    ["Magyar", "Elvégzés", "Lomtárba helyezés", ["Kész", "Törlés"]],
  ] as const) {
    await setLanguage(page, language);
    await page.goto(cardPath);
    const todos = page.getByRole("region", { name: /^(Todos|Teendők)/ });
    const row = todos.getByRole("button", { name: `${complete}: Send the Tisza offer`, exact: true });
    await expect(row).toHaveText(complete);
    await expect(todos.getByRole("button", { name: `${trash}: Send the Tisza offer`, exact: true })).toHaveText(trash);
    // The card itself goes to the trash with the same words.
    await expect(page.getByRole("button", { name: trash, exact: true })).toBeVisible();
    const cardWords = await buttonWords(page.locator("body"));
    for (const word of not) expect(cardWords, `the card page says "${word}"`).not.toContain(word);

    await page.goto("/todos");
    const done = page.getByRole("button", { name: `${complete}: Send the Tisza offer`, exact: true });
    await expect(done).toHaveText(complete);
    const myWords = await buttonWords(page.getByRole("main"));
    for (const word of not) expect(myWords, `My todos says "${word}"`).not.toContain(word);
  }
  await setLanguage(page, "English");
});

test("every page has an icon: /favicon.ico and the page's own icon answer with images", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/^image\//);
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(href).toBeTruthy();
  const svg = await request.get(href!);
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
});

test("a missing page keeps a signed-in user in the app (navigation and user menu); a signed-out one gets the way to the login", async ({ page, browser }) => {
  await signIn(page, dora.email, dora.password);
  const response = await page.goto(`/no-such-page-${run}/deeper`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByLabel("User menu")).toBeVisible();
  // The module is in the navigation's row or, with the shared test database's many modules, under "More".
  await openFromNav(page, moduleName);
  await expect(page.getByRole("heading", { level: 1, name: moduleName })).toBeVisible();
  await page.goBack();
  await page.getByRole("link", { name: "Back to my todos" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My todos" })).toBeVisible();

  const stranger = await (await browser.newContext()).newPage();
  const plain = await stranger.goto(`/no-such-page-${run}`);
  expect(plain?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(stranger.getByRole("navigation", { name: "Main navigation" })).toHaveCount(0);
  await stranger.getByRole("link", { name: "Go to the login page" }).click();
  await expect(stranger.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await stranger.context().close();
});

test("the role selects show every role in full, in Hungarian too (Csoportmenedzser, Csoportra korlátozott)", async ({ page }) => {
  await signIn(page, dora.email, dora.password);
  await setLanguage(page, "Magyar");
  try {
    await page.goto("/settings/users");
    const selects = page.locator('select[name="role"]');
    expect(await selects.count()).toBeGreaterThan(1); // the invitation form's and each user's
    // A select shows its chosen option's text in its own box, between the padding and the arrow: every
    // option, measured in the select's font, must fit that box (a select does not scroll, so its scrollWidth
    // cannot tell). The arrow sits in the right padding.
    const cut = await selects.evaluateAll((elements) =>
      (elements as HTMLSelectElement[]).flatMap((select) => {
        const style = getComputedStyle(select);
        const context = document.createElement("canvas").getContext("2d")!;
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const box = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return [...select.options]
          .filter((o) => Math.ceil(context.measureText(o.text).width) > box)
          .map((o) => `${select.labels[0]?.textContent ?? select.name}: “${o.text}” needs ${Math.ceil(context.measureText(o.text).width)} px, has ${box} px`);
      }),
    );
    expect(cut).toEqual([]);
    await expect(page.getByRole("option", { name: "Csoportmenedzser" }).first()).toBeAttached();
  } finally {
    await setLanguage(page, "English");
  }
});

test("a confirm dialog's backdrop covers the sticky header too", async ({ page }) => {
  await signIn(page, dora.email, dora.password);
  await page.goto(cardPath);
  const header = page.getByRole("banner");
  const box = (await header.boundingBox())!;
  await page.getByRole("region", { name: "Todos" }).getByRole("button", { name: "Move to trash: Call Tisza back" }).click();
  const dialog = page.getByRole("dialog", { name: "Move this todo to the trash?" });
  await expect(dialog).toBeVisible();
  const onTop = await page.evaluate(
    ([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return { inHeader: !!hit?.closest("header"), tag: hit?.tagName.toLowerCase() };
    },
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(onTop).toEqual({ inHeader: false, tag: "dialog" });
  // And the backdrop is seen: a dimming colour, not a transparent layer.
  const backdrop = await dialog.evaluate((d) => getComputedStyle(d, "::backdrop").backgroundColor);
  expect(backdrop).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});

test("a card named like its company does not repeat the company's name under its own, on the list and the board", async ({ page }) => {
  await signIn(page, dora.email, dora.password);
  await page.goto(modulePath);
  const row = page.getByRole("row", { name: new RegExp(cardName) });
  await expect(row.getByRole("link", { name: cardName })).toBeVisible();
  await expect(row.getByText(cardName, { exact: false })).toHaveCount(1);
  await expect(row.getByText(cardName.toUpperCase(), { exact: true })).toHaveCount(0);

  await page.goto(`${modulePath}/board`);
  await expect(page.getByText(cardName, { exact: true })).toBeVisible();
  await expect(page.getByText(cardName.toUpperCase(), { exact: true })).toHaveCount(0);
});
