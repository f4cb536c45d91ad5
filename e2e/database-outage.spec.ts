import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { admin, createModule, openLive, signIn } from "./fixtures";

/** The stories' own PostgreSQL database (playwright.config.ts names it; the PGlite project leaves this story out). */
const database = process.env.E2E_POSTGRES_DATABASE!;
/** The second server on the same database (scripts/e2e-server.mjs). */
const second = process.env.E2E_SECOND_INSTANCE_URL!;

test("while the database is away a page says so in both languages; once it is back, the page returns (by Try again, or by itself) and live updates cross instances again", async ({
  page,
  browser,
}) => {
  const server = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const listeners = async () =>
    Number((await server.unsafe("select count(*) from pg_stat_activity where datname = $1 and query like 'LISTEN %'", [database]))[0].count);
  await signIn(page, admin.email, admin.password);
  const listPath = await createModule(page, "Outage");
  // A colleague's browser on the second instance, which hears the first through the database.
  const other = await browser.newContext({ baseURL: second });
  await signIn(await other.newPage(), admin.email, admin.password);
  const list = await openLive(other, listPath);
  await list.waitForLoadState("networkidle");
  await expect.poll(listeners).toBe(2);

  try {
    // No new connections, and the servers' open ones closed: what a restarting database looks like.
    await server.unsafe(`alter database "${database}" allow_connections false`);
    await server.unsafe("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [database]);

    const response = await page.goto("/contacts");
    expect(response?.status()).toBe(500);
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Hiba történt");
    await expect(alert).toContainText("Something went wrong");
    await expect(alert.getByRole("button", { name: /Try again/ })).toBeVisible();
    // The colleague's page fails too (as a live refresh during the outage would).
    await list.reload();
    await expect(list.getByRole("alert")).toContainText("Something went wrong");
  } finally {
    await server.unsafe(`alter database "${database}" allow_connections true`);
  }

  try {
    // Back: the same tab, no reload by hand.
    await page.getByRole("button", { name: /Try again/ }).click();
    await expect(page.getByRole("heading", { name: "Contacts", level: 1 })).toBeVisible();
    await expect(page.getByText("Something went wrong")).toHaveCount(0);

    // Both instances listen again (the adapter reconnects by itself), and a new card reaches the colleague.
    await expect.poll(listeners, { timeout: 15_000 }).toBe(2);
    await page.goto(`${listPath}/new`);
    await page.getByLabel("Card name").fill("After the outage");
    await page.getByLabel("Todo", { exact: true }).fill("Call them back");
    await page.getByRole("button", { name: "Create card" }).click();
    await expect(page).toHaveURL(/\/cards\//);
    // The colleague touches nothing: their error page tries again by itself, then the card arrives live.
    await expect(list.getByRole("row", { name: /After the outage/ })).toBeVisible({ timeout: 30_000 });
  } finally {
    await other.close();
    await server.end();
  }
});
