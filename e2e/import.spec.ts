import { expect, test, type Page } from "@playwright/test";
import iconv from "iconv-lite";
import { admin, createModule, inviteAndActivate, signIn } from "./fixtures";
import { postServerAction } from "./server-action";

/**
 * Issue 13's import story: an admin moving from spreadsheets takes "New card" → "Import", uploads a
 * Windows-1250 CSV with `;` (as Hungarian Excel saves one), sees the encoding and separator detected and
 * the Hungarian headers mapped, reads a dry run that wrote nothing (a bad row with its reason), starts the
 * import and follows its progress, opens a card it created, and undoes the whole import. A Normal user
 * meets 403s on the pages, the upload route and the actions.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const moduleName = `Import HU ${run}`;
const normal = { firstName: "Norbert", lastName: "Normál", email: `norbert.import.${run}@nordlicht.test`, password: "Norbert-Import-2026!" };
const cards = [`Árvíztűrő tükörfúrógép ${run}`, `Őszibarack Kft ajánlat ${run}`, `Ünnepi rendelés ${run}`];
let modulePath = "";

/** A CSV as Hungarian Excel writes it ("CSV (pontosvesszővel tagolt)"): Windows-1250, `;`, CRLF, no BOM. */
function hungarianExcelCsv(): Buffer {
  const lines = [
    "Név;Cég;E-mail;Telefon;Adószám;Felelős",
    `${cards[0]};Árvíztűrő Zrt ${run};anna.${run}@arviz.test;+36 1 234 5678;12345678-2-42;${admin.lastName} ${admin.firstName}`,
    `${cards[1]};Őszibarack Kft ${run};peter.${run}@oszi.test;+36 30 111 2222;;${admin.email}`,
    `Hibás sor ${run};Rossz Bt ${run};nem-email-cím;;;`,
    `${cards[2]};Ünnep Kft ${run};eva.${run}@unnep.test;;;`,
  ];
  return iconv.encode(lines.join("\r\n") + "\r\n", "windows-1250");
}

async function status(page: Page, path: string): Promise<number> {
  const response = await page.goto(path);
  return response!.status();
}

test("an admin creates the module and a Normal user", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  modulePath = await createModule(page, moduleName);
  const normalPage = await inviteAndActivate(page, browser, normal, "Normal");
  await normalPage.context().close();
});

test("a Windows-1250 ; CSV: preview, mapping, dry run, import with progress, a created card, undo", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto(modulePath);
  await page.getByRole("link", { name: "New card" }).first().click();
  await page.getByRole("link", { name: "Import from a spreadsheet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Import into ${moduleName}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Recent imports" })).toBeVisible();

  // Source: the file, browsed (its upload has a progress bar; a small file is through in an instant).
  await page.getByLabel("Choose a file").setInputFiles({ name: "ugyfelek.csv", mimeType: "text/csv", buffer: hungarianExcelCsv() });

  // Preview: detected as Windows-1250 with `;`, accents intact.
  const preview = page.getByRole("heading", { name: "2. Preview" });
  await expect(preview).toBeVisible();
  await expect(preview).toBeFocused();
  await expect(page.getByText("ugyfelek.csv: 4 data rows.")).toBeVisible();
  await expect(page.getByText("Detected: windows-1250, separator Semicolon (;).")).toBeVisible();
  await expect(page.getByLabel("Encoding")).toHaveValue("windows-1250");
  await expect(page.getByLabel("Separator")).toHaveValue(";");
  const table = page.getByRole("table", { name: "The first rows of ugyfelek.csv" });
  await expect(table.getByRole("columnheader", { name: "Adószám" })).toBeVisible();
  await expect(table.getByRole("cell", { name: cards[0] })).toBeVisible();

  // A wrong encoding shows garbled letters; back to the detected one.
  await page.getByLabel("Encoding").selectOption("UTF-16LE");
  await expect(table.getByRole("cell", { name: cards[0] })).toHaveCount(0);
  await page.getByLabel("Encoding").selectOption("windows-1250");
  await expect(table.getByRole("cell", { name: cards[0] })).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();

  // Mapping: guessed from the Hungarian headers.
  await expect(page.getByRole("heading", { name: "3. Columns" })).toBeFocused();
  await expect(page.getByLabel("What column “Név” fills")).toHaveValue("name");
  await expect(page.getByLabel("What column “Cég” fills")).toHaveValue("company.name");
  await expect(page.getByLabel("What column “E-mail” fills")).toHaveValue("person.email");
  await expect(page.getByLabel("What column “Telefon” fills")).toHaveValue("person.phone");
  await expect(page.getByLabel("What column “Adószám” fills")).toHaveValue("company.tax_number");
  await expect(page.getByLabel("What column “Felelős” fills")).toHaveValue("owner");
  // Two columns for one target are refused.
  await page.getByLabel("What column “Cég” fills").selectOption("name");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "filled by more than one column" })).toHaveText("“Name” is filled by more than one column: keep one.");
  await page.getByLabel("What column “Cég” fills").selectOption("company.name");
  await page.getByRole("button", { name: "Next" }).click();

  // Duplicates and formats, then the dry run.
  await expect(page.getByRole("heading", { name: "4. Duplicates and formats" })).toBeFocused();
  await expect(page.getByLabel("Email")).toBeChecked();
  await page.getByLabel("the Hungarian way (2026.09.07., 1 050 000,00)").check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "5. Dry run" })).toBeFocused();
  await expect(page.getByText("Nothing has been written yet: this is what the import would do.")).toBeVisible();
  const totals = page.getByRole("definition");
  await expect(totals.and(page.locator('[data-total="created"]'))).toHaveText("3");
  await expect(totals.and(page.locator('[data-total="bad"]'))).toHaveText("1");
  const badRow = page.getByRole("row", { name: /^4 / });
  await expect(badRow).toContainText("is not an email address");
  await expect(badRow).toContainText("nem-email-cím");

  // The dry run wrote nothing: the module's list has none of the cards.
  const wizardUrl = page.url();
  await page.goto(modulePath);
  await expect(page.getByText("0 cards", { exact: true })).toBeVisible();
  await page.goto(wizardUrl);
  // Back on the draft: the wizard starts again at its preview; the settings were kept.
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("the Hungarian way (2026.09.07., 1 050 000,00)")).toBeChecked();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(totals.and(page.locator('[data-total="created"]'))).toHaveText("3");

  // Start: the progress (live), then the report.
  await page.getByRole("button", { name: "Start the import" }).click();
  const report = page.getByRole("heading", { name: "Report" });
  const progress = page.getByRole("progressbar", { name: "Import progress" });
  await expect(progress.or(report)).toBeVisible();
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("The import of ugyfelek.csv finished.")).toBeVisible();
  await expect(totals.and(page.locator('[data-total="created"]'))).toHaveText("3");
  await expect(totals.and(page.locator('[data-total="bad"]'))).toHaveText("1");
  await expect(page.getByRole("region", { name: "Bad rows" }).getByRole("row", { name: /^4 / })).toContainText("is not an email address");

  // The report as CSV with `;`: UTF-8 with a BOM, the bad row and its reason in words.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the report (CSV)" }).click();
  const csv = await (await download).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = csv.toString("utf8");
  expect(text).toContain(";");
  expect(text).toContain("nem-email-cím");
  expect(text).toContain(cards[0]);

  // A created card opens, with its company and person.
  await page.getByRole("link", { name: cards[0] }).click();
  await expect(page.getByRole("heading", { level: 1, name: cards[0] })).toBeVisible();
  await expect(page.getByText(`Árvíztűrő Zrt ${run}`).first()).toBeVisible();
  await page.goto(modulePath);
  await expect(page.getByText("3 cards", { exact: true })).toBeVisible();
  for (const name of cards) await expect(page.getByRole("link", { name, exact: true })).toBeVisible();

  // Undo the whole import from its report (reached from the recent imports).
  await page.goto(`${modulePath}/import`);
  const recent = page.getByRole("region", { name: "Recent imports" });
  await expect(recent.getByRole("row", { name: /ugyfelek\.csv/ })).toContainText("Done");
  await recent.getByRole("link", { name: "ugyfelek.csv" }).first().click();
  await page.getByRole("button", { name: "Undo the import" }).click();
  const dialog = page.getByRole("dialog", { name: "Undo this import?" });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Undo the import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Undone:" })).toContainText("3 cards");
  await page.goto(modulePath);
  await expect(page.getByText("0 cards", { exact: true })).toBeVisible();
  await page.goto(`${modulePath}/import`);
  await expect(page.getByRole("region", { name: "Recent imports" }).getByRole("row", { name: /ugyfelek\.csv/ }).first()).toContainText("Undone");
});

test("bad sources get a translated message: an empty file, a zip renamed to .csv", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto(`${modulePath}/import`);
  await page.getByLabel("Choose a file").setInputFiles({ name: "ures.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
  // Next's route announcer is an alert too: the message is the paragraph.
  const alert = page.getByRole("alert").and(page.locator("p"));
  await expect(alert).toBeVisible();
  await expect(alert).not.toHaveText(/unexpected|went wrong/i);
  await page.getByLabel("Choose a file").setInputFiles({ name: "archive.csv", mimeType: "text/csv", buffer: Buffer.from("UEsDBBQAAAAIAAAAIQAAAAAAAAAAAAAAAAAIAAAAYS50eHQDAFBLAQIUABQAAAAIAAAAIQAAAAAAAAAAAAAAAAAIAAAAAAAAAAAAAAAAAAAAAABhLnR4dFBLBQYAAAAAAQABADYAAAAmAAAAAAA=", "base64") });
  await expect(alert).toBeVisible();
  await expect(alert).not.toHaveText(/unexpected|went wrong/i);
  await expect(page).toHaveURL(new RegExp(`${modulePath}/import$`));
  // Pasted rows from a spreadsheet go the same way.
  await page.getByRole("tab", { name: "Paste rows" }).click();
  await page.getByLabel("Rows copied from a spreadsheet (the first row holds the headers)").fill(`Név\tE-mail\nBeillesztett ${run}\tb.${run}@paste.test\n`);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "2. Preview" })).toBeFocused();
  await expect(page.getByRole("cell", { name: `Beillesztett ${run}` })).toBeVisible();
});

test("a Normal user gets 403 from the import pages, the upload route and the actions", async ({ page, baseURL }) => {
  await signIn(page, normal.email, normal.password);
  const moduleId = modulePath.split("/")[2];
  expect(await status(page, `${modulePath}/import`)).toBe(403);
  expect(await status(page, "/contacts/import")).toBe(403);
  expect(await status(page, `${modulePath}/import/00000000-0000-4000-8000-000000000000`)).toBe(403);
  await page.goto(`${modulePath}/new`);
  await expect(page.getByRole("link", { name: "Import from a spreadsheet" })).toHaveCount(0);

  const upload = await page.request.post(`/api/imports?target=cards&moduleId=${moduleId}&format=file&fileName=x.csv`, {
    headers: { "Content-Type": "application/octet-stream", Origin: baseURL! },
    data: Buffer.from("Név\nAlma\n"),
  });
  expect(upload.status()).toBe(403);
  const report = await page.request.get("/api/imports/00000000-0000-4000-8000-000000000000/report");
  expect(report.status()).toBe(403);
  const action = await postServerAction(page.request, {
    page: `${modulePath}/new`,
    filename: "app/(app)/modules/[moduleId]/import/actions.ts",
    exportedName: "startImportAction",
    args: [null, { importId: "00000000-0000-4000-8000-000000000000" }],
    headers: { Origin: baseURL! },
  });
  expect(action.body).toContain('"error":"forbidden"');
});

test("the upload route refuses a foreign origin and a body over the limit before reading it", async ({ page, baseURL }) => {
  await signIn(page, admin.email, admin.password);
  const moduleId = modulePath.split("/")[2];
  const url = `/api/imports?target=cards&moduleId=${moduleId}&format=file&fileName=x.csv`;
  const foreign = await page.request.post(url, { headers: { Origin: "http://evil.example", "Content-Type": "application/octet-stream" }, data: Buffer.from("Név\nAlma\n") });
  expect(foreign.status()).toBe(403);
  const tooLarge = await page.request.post(url, { headers: { Origin: baseURL!, "Content-Type": "application/octet-stream" }, data: Buffer.alloc(26 * 1024 * 1024, 0x41) });
  expect(tooLarge.status()).toBe(413);
  expect((await tooLarge.json()).error).toBe("file_too_large");
});
