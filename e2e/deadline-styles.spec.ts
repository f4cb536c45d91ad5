import { expect, test, type Page } from "@playwright/test";
import { TZDate } from "@date-fns/tz";
import { admin, createModule, orgDateTime, orgTimeZone, signIn, testClock } from "./fixtures";

/** 10:00 today on the organisation's clock: early enough for "later today", late enough for "overdue". */
function orgTenToday(now: Date): Date {
  const zoned = new TZDate(now, orgTimeZone);
  return new Date(new TZDate(zoned.getFullYear(), zoned.getMonth(), zoned.getDate(), 10, 0, orgTimeZone).getTime());
}

async function createCardWithTodo(page: Page, listPath: string, name: string, todo: string, due: Date) {
  await page.goto(`${listPath}/new`);
  await page.getByLabel("Card name").fill(name);
  await page.getByLabel("Todo", { exact: true }).fill(todo);
  const { date, time } = orgDateTime(due);
  await page.getByLabel("Date").fill(date);
  await page.getByLabel("Time").fill(time);
  await page.getByRole("button", { name: "Create card" }).click();
  await expect(page).toHaveURL(/\/cards\//);
}

test("the card list shows an overdue todo in red, one due later today in bold and one on a later day plain, on the server's clock", async ({ page, request }) => {
  const ten = orgTenToday(await testClock.now(request));
  await testClock.set(request, ten);
  try {
    await signIn(page, admin.email, admin.password);
    const listPath = await createModule(page, "Deadline desk");
    const hour = 3600_000;
    await createCardWithTodo(page, listPath, "Overdue deal", "Call back at nine", new Date(ten.getTime() - hour));
    await createCardWithTodo(page, listPath, "Afternoon deal", "Send the offer", new Date(ten.getTime() + 5 * hour));
    await createCardWithTodo(page, listPath, "Next week deal", "Visit the site", new Date(ten.getTime() + 72 * hour));

    await page.goto(listPath);
    const deadlineOf = (card: string) => page.getByRole("row", { name: new RegExp(card) }).locator("[data-state]");
    await expect(deadlineOf("Overdue deal")).toHaveAttribute("data-state", "overdue");
    await expect(deadlineOf("Overdue deal")).toHaveClass(/text-red-700/);
    await expect(deadlineOf("Overdue deal")).toContainText(/Overdue/); // said in words too, for screen readers
    await expect(deadlineOf("Afternoon deal")).toHaveAttribute("data-state", "today");
    await expect(deadlineOf("Afternoon deal")).toHaveCSS("font-weight", "600");
    await expect(deadlineOf("Afternoon deal")).toContainText(/Today/);
    await expect(deadlineOf("Next week deal")).toHaveAttribute("data-state", "later");
    await expect(deadlineOf("Next week deal")).toHaveCSS("font-weight", "400");
    // Sorted by next deadline: the overdue one first.
    await expect(page.getByRole("row").nth(1)).toContainText("Overdue deal");

    // The afternoon deadline passes on the server's clock: the row turns red without a reload.
    await testClock.set(request, new Date(ten.getTime() + 5 * hour + 30_000));
    await expect(deadlineOf("Afternoon deal")).toHaveAttribute("data-state", "overdue", { timeout: 5000 });
  } finally {
    await testClock.reset(request);
  }
});
