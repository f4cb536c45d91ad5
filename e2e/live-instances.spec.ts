import { expect, test, type APIRequestContext } from "@playwright/test";
import { admin, createModule, openLive, orgDateTime, signIn, testClock } from "./fixtures";

/** The second server on the same PostgreSQL database (scripts/e2e-server.mjs); the PGlite project leaves this story out. */
const second = process.env.E2E_SECOND_INSTANCE_URL!;

async function waitUntilUp(request: APIRequestContext) {
  await expect.poll(() => request.get(`${second}/login`).then((r) => r.status(), () => 0), { timeout: 60_000 }).toBe(200);
}

/** Each instance has its own (test-only) clock and its own deadline timer: move them together. */
const bothClocks = (request: APIRequestContext) => ({
  set: (at: Date) => Promise.all([testClock.set(request, at), request.post(`${second}/api/test/clock`, { data: { at: at.toISOString() } })]),
  reset: () => bothClocks(request).set(new Date()),
});

test("two instances on one PostgreSQL: a change on one reaches a browser on the other, and a passing deadline reaches it exactly once", async ({ page, browser, request }) => {
  await waitUntilUp(request);
  await signIn(page, admin.email, admin.password);
  const listPath = await createModule(page, "Two instances");

  // A colleague's browser talks only to the second instance.
  const other = await browser.newContext({ baseURL: second });
  await signIn(await other.newPage(), admin.email, admin.password);
  const frames: string[] = [];
  const list = await openLive(other, listPath, (payload) => frames.push(payload));

  const now = await testClock.now(request);
  const due = new Date(Math.floor((now.getTime() + 3 * 60_000) / 60_000) * 60_000);
  try {
    await bothClocks(request).set(now);
    await page.goto(`${listPath}/new`);
    await page.getByLabel("Card name").fill("Cross-instance deal");
    await page.getByLabel("Todo", { exact: true }).fill("Call across instances");
    const { date, time } = orgDateTime(due);
    await page.getByLabel("Date").fill(date);
    await page.getByLabel("Time").fill(time);
    await page.getByRole("button", { name: "Create card" }).click();
    await expect(page).toHaveURL(/\/cards\//);
    const saved = Date.now();
    const cardId = page.url().split("/cards/")[1];

    const row = list.getByRole("row", { name: /Cross-instance deal/ });
    await expect(row).toBeVisible({ timeout: 5000 });
    console.log(`instance 1 → browser on instance 2: ${Date.now() - saved} ms`);
    await expect(row.locator("[data-state]")).not.toHaveAttribute("data-state", "overdue");

    // The deadline passes on both instances' clocks: each tells only its own sockets, so once in all.
    await bothClocks(request).set(new Date(due.getTime() + 30_000));
    await expect(row.locator("[data-state]")).toHaveAttribute("data-state", "overdue", { timeout: 10_000 });
    await list.waitForTimeout(3000); // time enough for a duplicate to arrive, if one were coming
    expect(frames.filter((f) => f.includes('"todo.overdue"') && f.includes(cardId))).toHaveLength(1);
  } finally {
    await bothClocks(request).reset();
    await other.close();
  }
});
