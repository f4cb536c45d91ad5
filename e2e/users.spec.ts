import { expect, test } from "@playwright/test";
import { io } from "socket.io-client";
import { admin, createModule, inviteAndActivate, inviteUser, signIn, signOut } from "./fixtures";
import { postServerAction } from "./server-action";

test.describe.configure({ mode: "serial" });

const colleague = { firstName: "Béla", lastName: "Nagy", email: "bela.nagy@nordlicht.test", password: "Bela-Sales-2026!" };
let invitationLink = "";

test("an admin invites a colleague, who sets a password through the link and signs in", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  invitationLink = await inviteUser(page, colleague);
  expect(invitationLink).toMatch(/\/set-password\/[\w-]+$/);

  // A duplicate email is refused with a clear message, and nothing is created.
  const form = page.getByRole("form", { name: "Invite a user" });
  await form.getByLabel("Last name").fill("Másik");
  await form.getByLabel("First name").fill("Béla");
  await form.getByLabel("Email").fill(colleague.email.toUpperCase());
  await form.getByRole("button", { name: "Invite user" }).click();
  await expect(page.getByText("A user with this email address already exists.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Másik Béla/ })).toHaveCount(0);

  const context = await browser.newContext();
  const invited = await context.newPage();
  await invited.goto(invitationLink);
  await expect(invited.getByRole("heading", { name: `Welcome, ${colleague.firstName}!` })).toBeVisible();
  await invited.getByLabel("New password", { exact: true }).fill("password1234");
  await invited.getByLabel("Confirm new password").fill("password1234");
  await invited.getByRole("button", { name: "Set password" }).click();
  await expect(invited.getByText("This password is too common.", { exact: false })).toBeVisible();

  await invited.getByLabel("New password", { exact: true }).fill(colleague.password);
  await invited.getByLabel("Confirm new password").fill(colleague.password);
  await invited.getByRole("button", { name: "Set password" }).click();
  await expect(invited.getByText("Your password has been set. Sign in with it now.")).toBeVisible();
  await signIn(invited, colleague.email, colleague.password);
  await expect(invited.getByRole("heading", { name: "My todos" })).toBeVisible();

  // The link is one-time: opening it again explains why it cannot be used.
  await invited.goto(invitationLink);
  await expect(invited.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await context.close();
});

test("a Normal user cannot reach settings: not the page, not the action", async ({ page, request }) => {
  await signIn(page, colleague.email, colleague.password);
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
  const response = await page.goto("/settings/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();

  // A hand-made POST of the invite action with the Normal user's session is refused and creates nobody.
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const intruder = { lastName: "Evil", firstName: "Eve", email: "eve@nordlicht.test", role: "admin", groupIds: [] };
  const { body } = await postServerAction(request, {
    page: "/settings/users",
    filename: "app/(app)/settings/users/actions.ts",
    exportedName: "inviteUserAction",
    args: [null, intruder],
    headers: { cookie: cookies },
  });
  expect(body).toContain('"error":"forbidden"');

  await signOut(page);
  await signIn(page, admin.email, admin.password);
  await page.goto("/settings/users");
  await expect(page.getByRole("row", { name: /Nagy Béla/ })).toBeVisible();
  await expect(page.getByText("eve@nordlicht.test")).toHaveCount(0);
});

test("an admin deactivates a signed-in user: their live connection drops and their next request is signed out", async ({ page, browser, baseURL }) => {
  const context = await browser.newContext();
  const bela = await context.newPage();
  await signIn(bela, colleague.email, colleague.password);
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const socket = io(baseURL!, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
  await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
  const dropped = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));

  await signIn(page, admin.email, admin.password);
  await page.goto("/settings/users");
  const row = page.getByRole("row", { name: /Nagy Béla/ });
  await row.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog", { name: "Deactivate Nagy Béla?" }).getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText("Nagy Béla has been deactivated.")).toBeVisible();
  await expect(row.getByText("Deactivated")).toBeVisible();

  expect(await dropped).toBe("io server disconnect");
  await bela.reload();
  await expect(bela).toHaveURL(/\/login/);
  // And they cannot sign back in.
  await bela.getByLabel("Email").fill(colleague.email);
  await bela.getByLabel("Password").fill(colleague.password);
  await bela.getByRole("button", { name: "Sign in" }).click();
  await expect(bela.getByText("Wrong email or password.")).toBeVisible();
  socket.close();
  await context.close();
});

test("an admin deactivates a salesperson and hands their open card and todo over to a colleague", async ({ page, browser }) => {
  const leaver = { firstName: "Lili", lastName: "Lakatos", email: "lili.lakatos@nordlicht.test", password: "Lili-Sales-2026!" };
  const heir = { firstName: "Feri", lastName: "Fodor", email: "feri.fodor@nordlicht.test", password: "Feri-Sales-2026!" };
  await signIn(page, admin.email, admin.password);
  const modulePath = await createModule(page, "Hand-over deals");
  const lili = await inviteAndActivate(page, browser, leaver);
  const feri = await inviteAndActivate(page, browser, heir);

  await lili.goto(modulePath);
  await lili.getByRole("link", { name: "New card" }).first().click();
  await lili.getByLabel("Card name").fill("Balaton hotel");
  await lili.getByLabel("Todo", { exact: true }).fill("Call the hotel manager");
  await lili.getByRole("button", { name: "Create card" }).click();
  await expect(lili).toHaveURL(/\/cards\/[0-9a-f-]+$/);
  const cardPath = new URL(lili.url()).pathname;

  await page.goto("/settings/users");
  await page.getByRole("row", { name: /Lakatos Lili/ }).getByRole("button", { name: "Deactivate" }).click();
  const dialog = page.getByRole("dialog", { name: "Deactivate Lakatos Lili?" });
  const open = dialog.getByRole("list", { name: "What Lakatos Lili has open" });
  await expect(open.getByRole("listitem")).toHaveText(["1 open card (they become its owner)", "1 open todo", "No automations"]);
  // Who takes over must be chosen, and it cannot be Lili herself.
  await dialog.getByRole("button", { name: "Deactivate and hand over" }).click();
  await expect(dialog.getByText("Choose who takes over.")).toBeVisible();
  const to = dialog.getByLabel("Hand over to");
  await expect(to.getByRole("option", { name: "Lakatos Lili" })).toHaveCount(0);
  await to.selectOption({ label: "Fodor Feri" });
  await dialog.screenshot({ path: "/tmp/handover-dialog.png" });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.screenshot({ path: "/tmp/handover-dialog-390.png" });
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.getByRole("button", { name: "Deactivate and hand over" }).click();
  await expect(page.getByText("Lakatos Lili has been deactivated. Fodor Feri took over 1 card, 1 todo and 0 automations.")).toBeVisible();

  await page.goto(cardPath);
  await expect(page.getByText("Owner: Fodor Feri")).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText("handed the card over: its owner was deactivated")).toBeVisible();
  await expect(history.getByText("handed on the todo “Call the hotel manager”: its assignee was deactivated")).toBeVisible();

  // Feri finds the todo among his own.
  await feri.goto("/");
  await expect(feri.getByRole("heading", { name: "My todos" })).toBeVisible();
  await expect(feri.getByText("Call the hotel manager")).toBeVisible();
  await lili.context().close();
  await feri.context().close();
});
