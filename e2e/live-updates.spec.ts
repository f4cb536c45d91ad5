import { expect, test, type Page } from "@playwright/test";
import { admin, inviteAndActivate, openFromNav, signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });

const lena = { firstName: "Léna", lastName: "Lukács", email: "lena.lukacs@nordlicht.test", password: "Lena-Live-2026!" };
const ron = { firstName: "Roland", lastName: "Rab", email: "roland.rab@nordlicht.test", password: "Roland-Restr-2026" };

async function moduleUrl(page: Page): Promise<string> {
  await openFromNav(page, "Live desk");
  await expect(page.getByRole("heading", { name: "Live desk", exact: true })).toBeVisible();
  return new URL(page.url()).pathname;
}

test("a change in one browser reaches the other's list and card page without a reload; a passing deadline turns red; a Restricted user's socket hears nothing", async ({ page, browser, request }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/settings/modules");
  await page.getByLabel("Module name").fill("Live desk");
  await page.getByRole("button", { name: "Create module" }).click();
  await expect(page.getByText("Module “Live desk” created.")).toBeVisible();

  const colleague = await inviteAndActivate(page, browser, lena);
  const restricted = await inviteAndActivate(page, browser, ron, "Restricted");
  const frames: string[] = [];
  restricted.on("websocket", (ws) => ws.on("framereceived", (f) => frames.push(String(f.payload))));

  const listPath = await moduleUrl(page);
  await colleague.goto(listPath);
  await restricted.goto(listPath);
  await colleague.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  // The admin creates a card with a todo due in two minutes.
  const now = new Date((await (await request.get("/api/test/clock")).json()).now);
  const due = new Date(now.getTime() + 2 * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const local = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Budapest", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(due);
  const part = (type: string) => local.find((p) => p.type === type)!.value;
  await page.getByRole("link", { name: "New card" }).first().click();
  await page.getByLabel("Card name").fill("Live card");
  await page.getByLabel("Todo", { exact: true }).fill("Ring before noon");
  await page.getByLabel("Date").fill(`${part("year")}-${part("month")}-${part("day")}`);
  await page.getByLabel("Time").fill(`${part("hour")}:${pad(Number(part("minute")))}`);
  const created = Date.now();
  await page.getByRole("button", { name: "Create card" }).click();
  await expect(page).toHaveURL(/\/cards\//);
  const cardId = page.url().split("/cards/")[1];

  const row = colleague.getByRole("link", { name: "Live card" });
  await expect(row).toBeVisible({ timeout: 5000 });
  console.log(`change → other browser's list: ${Date.now() - created} ms`);
  expect(await colleague.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true); // no reload

  const deadline = colleague.locator("[data-state]").filter({ has: colleague.locator("time") }).first();
  await expect(deadline).not.toHaveAttribute("data-state", "overdue");

  // Move the server's clock past the deadline: the colleague's row turns red by itself.
  await request.post("/api/test/clock", { data: { at: new Date(due.getTime() + 30_000).toISOString() } });
  await expect(deadline).toHaveAttribute("data-state", "overdue", { timeout: 5000 });
  expect(await colleague.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  // The Restricted user may not see the admin's card: not a single frame mentioned it.
  await restricted.waitForTimeout(500);
  expect(frames.filter((f) => f.includes(cardId))).toEqual([]);
  await expect(restricted.getByRole("link", { name: "Live card" })).toHaveCount(0);

  await request.post("/api/test/clock", { data: { at: new Date().toISOString() } });
  await colleague.context().close();
  await restricted.context().close();
});
