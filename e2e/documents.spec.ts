import { expect, test, type Page } from "@playwright/test";
import { admin, createModule, inviteAndActivate, signIn } from "./fixtures";

/**
 * Issue 13, documents: an admin makes folders, uploads several files at once (dropped and browsed,
 * each with its progress bar), moves one and copies another, publishes a PDF and fetches its public
 * link from a logged-out browser, then revokes it and finds it gone; a file attached on a card's page
 * lands in the chosen folder with history; a Restricted user gets a 404 for that document.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const moduleName = `Documents ${run}`;
const rita = { firstName: "Rita", lastName: "Rejtett", email: `rita.docs.${run}@nordlicht.test`, password: "Rita-Documents-2026!" };
const pdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
let listPath = "";
let documentsPath = "";
let attachmentId = "";
let publicUrl = "";

async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

const row = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByText(name, { exact: true }) });

test("an admin files documents in folders, moves one, copies another", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  listPath = await createModule(page, moduleName);
  await page.getByRole("navigation", { name: "Module tools" }).getByRole("link", { name: "Documents" }).click();
  documentsPath = `${listPath}/documents`;
  await expect(page).toHaveURL(documentsPath);
  await expect(page.getByText("No documents here yet")).toBeVisible();

  for (const name of ["Contracts", "Offers"]) {
    await page.getByLabel("Folder name").fill(name);
    await page.getByRole("button", { name: "Create folder" }).click();
    await expect(page.getByRole("navigation", { name: "Folders" }).getByRole("link", { name })).toBeVisible();
  }

  // Two files browsed at once, and one dropped: each gets its own progress bar.
  await page.getByLabel("or browse for files").setInputFiles([
    { name: "price list.pdf", mimeType: "application/pdf", buffer: pdf },
    { name: "../../etc/passwd", mimeType: "text/plain", buffer: Buffer.from("root:x:0:0\n") },
  ]);
  const dropped = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(["<h1>Hello</h1><script>alert(1)</script>"], "notes.html", { type: "text/html" }));
    return data;
  });
  await page.getByText("Drop files here").dispatchEvent("drop", { dataTransfer: dropped });
  for (const name of ["price list.pdf", "../../etc/passwd", "notes.html"]) {
    await expect(page.getByRole("progressbar", { name: `Uploading ${name}` })).toHaveAttribute("aria-valuenow", "100");
  }
  await expect(page.getByText("Uploaded")).toHaveCount(3);
  await expect(row(page, "passwd")).toBeVisible(); // the path is gone from the name
  await expect(row(page, "price list.pdf")).toBeVisible();
  await shot(page, "documents-en");

  // Move the PDF into Offers.
  await row(page, "price list.pdf").getByRole("button", { name: "Actions for price list.pdf" }).click();
  await page.getByRole("button", { name: "Move to folder…" }).click();
  const moveDialog = page.getByRole("dialog", { name: "Move “price list.pdf”" });
  await moveDialog.getByLabel("Folder").selectOption({ label: "Offers" });
  await moveDialog.getByRole("button", { name: "Move" }).click();
  await expect(row(page, "price list.pdf")).toHaveCount(0);

  // Copy the HTML file into Contracts: it stays here too.
  await row(page, "notes.html").getByRole("button", { name: "Actions for notes.html" }).click();
  await page.getByRole("button", { name: "Copy to folder…" }).click();
  const copyDialog = page.getByRole("dialog", { name: "Copy “notes.html”" });
  await copyDialog.getByLabel("Folder").selectOption({ label: "Contracts" });
  await copyDialog.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  await expect(row(page, "notes.html")).toBeVisible();

  const folders = page.getByRole("navigation", { name: "Folders" });
  await folders.getByRole("link", { name: "Contracts" }).click();
  await expect(row(page, "notes.html")).toBeVisible();
  await folders.getByRole("link", { name: "Offers" }).click();
  await expect(row(page, "price list.pdf")).toBeVisible();
});

test("a published PDF opens from a logged-out browser, inline and sandboxed, until the link is revoked", async ({ page, browser, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, admin.email, admin.password);
  await page.goto(documentsPath);
  await page.getByRole("navigation", { name: "Folders" }).getByRole("link", { name: "Offers" }).click();
  await row(page, "price list.pdf").getByRole("button", { name: "Actions for price list.pdf" }).click();
  await page.getByRole("button", { name: "Copy public link" }).click();
  const dialog = page.getByRole("dialog", { name: "Public link for “price list.pdf”" });
  await dialog.getByRole("button", { name: "Create link and copy" }).click();
  await expect(page.getByText("Public link copied.")).toBeVisible();
  publicUrl = await page.evaluate(() => navigator.clipboard.readText());
  expect(publicUrl).toMatch(/\/api\/public\/documents\/[A-Za-z0-9_-]{43}$/);
  await expect(row(page, "price list.pdf").getByRole("cell").first()).toContainText("Public link");

  const stranger = await browser.newContext();
  const response = await stranger.request.get(publicUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(/^inline; filename="price list.pdf"/);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(Buffer.from(await response.body()).equals(pdf)).toBe(true);

  await row(page, "price list.pdf").getByRole("button", { name: "Actions for price list.pdf" }).click();
  await page.getByRole("button", { name: "Revoke public link" }).click();
  await expect(page.getByText("Public link revoked.")).toBeVisible();
  expect((await stranger.request.get(publicUrl)).status()).toBe(404);
  await stranger.close();
});

test("HTML is never rendered on the app's origin: it downloads, sandboxed", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto(documentsPath);
  await row(page, "notes.html").getByRole("button", { name: "Actions for notes.html" }).click();
  const view = await page.getByRole("link", { name: "View" }).getAttribute("href");
  const response = await page.request.get(view!);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(response.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(response.headers()["content-security-policy"]).toContain("sandbox");
});

test("a file attached on a card's page is filed in the chosen folder, with history; a Restricted user gets 404", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto(`${listPath}/new`);
  await page.getByLabel("Card name").fill(`Acme ${run}`);
  await page.getByLabel("Add a first todo").uncheck();
  await page.getByRole("button", { name: "Create card" }).click();
  await expect(page).toHaveURL(/\/cards\/[0-9a-f-]+$/);
  const cardUrl = page.url();
  await page.getByLabel("File in folder").selectOption({ label: "Contracts" });
  await page.getByLabel("or browse for files").setInputFiles({ name: "signed contract.pdf", mimeType: "application/pdf", buffer: pdf });
  const link = page.getByRole("link", { name: "signed contract.pdf" });
  await expect(link).toBeVisible();
  await expect(page.getByText("Contracts ·")).toBeVisible();
  await expect(page.getByText("added the document “signed contract.pdf”")).toBeVisible();
  attachmentId = (await link.getAttribute("href"))!.split("/").pop()!;
  await shot(page, "card-documents-en");

  await page.goto(documentsPath);
  await page.getByRole("navigation", { name: "Folders" }).getByRole("link", { name: "Contracts" }).click();
  await expect(row(page, "signed contract.pdf")).toBeVisible();

  const ritaPage = await inviteAndActivate(page, browser, rita, "Restricted");
  expect((await ritaPage.request.get(`/api/documents/${attachmentId}`)).status()).toBe(404);
  expect((await ritaPage.request.get(`/api/documents/${attachmentId}?download=1`)).status()).toBe(404);
  const cardResponse = await ritaPage.goto(cardUrl);
  expect(cardResponse?.status()).toBe(404);
  expect((await ritaPage.goto(documentsPath))?.status()).toBe(403);
  await ritaPage.context().close();
});

test("the upload route refuses another site's request and a body over the limit before reading it", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  const moduleId = listPath.split("/")[2];
  const origin = new URL(page.url()).origin;
  const upload = (headers: Record<string, string>, data: Buffer) =>
    page.request.post(`/api/documents?moduleId=${moduleId}`, { headers: { "X-File-Name": "note.txt", "Content-Type": "application/octet-stream", ...headers }, data });
  expect((await upload({ Origin: "https://evil.example" }, Buffer.from("hello"))).status()).toBe(403);
  const oversized = await upload({ Origin: origin }, Buffer.alloc(26 * 1024 * 1024, 0x61));
  expect(oversized.status()).toBe(413);
  expect((await oversized.json()).error).toBe("file_too_large");
  const fine = await upload({ Origin: origin }, Buffer.from("hello"));
  expect(fine.status()).toBe(201);
});
