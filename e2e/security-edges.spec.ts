import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIResponse, type BrowserContext, type Page } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { admin, createModule, inviteAndActivate, signIn } from "./fixtures";
import { actionId, postServerAction } from "./server-action";

test.describe.configure({ mode: "serial" });

const unique = Date.now().toString(36);
const vera = { firstName: "Vera", lastName: "Vincze", email: `vera.${unique}@nordlicht.test`, password: "Vera-Secure-2026!" };
// A 1×1 PNG: a real picture the server's content check accepts.
const tinyPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const fourMegabytes = 4 * 1024 * 1024;

/** Another origin of the same host: the app's port plus one, as an attacker's page next to it would be. */
const foreignOrigin = (baseURL: string) => {
  const url = new URL(baseURL);
  return `${url.protocol}//${url.hostname}:${Number(url.port) + 1}`;
};
const cookieHeader = async (context: BrowserContext) => (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

function expectSecurityHeaders(response: APIResponse | { headers(): Record<string, string> }) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["strict-transport-security"], "no HSTS over plain HTTP").toBeUndefined();
}

/** The page's policy, checked directive by directive; returns its nonce. */
function expectPagePolicy(response: APIResponse | { headers(): Record<string, string> }): string {
  expectSecurityHeaders(response);
  const policy = response.headers()["content-security-policy"] ?? "";
  const directives = new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  const scripts = directives.get("script-src") ?? [];
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `a script nonce in ${policy}`).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'self'"]);
  expect(directives.get("form-action")).toEqual(["'self'"]);
  expect(directives.get("style-src")).not.toContain("'unsafe-inline'");
  return nonce!;
}

/** Collects what the browser's Content-Security-Policy refused on this page, across navigations (and any complaint about the Permissions-Policy). */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to|Permissions-Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

function connect(baseURL: string, headers: Record<string, string>): Promise<{ socket: Socket; error?: string }> {
  return new Promise((resolve) => {
    const socket = io(baseURL, { transports: ["websocket"], extraHeaders: headers, reconnection: false, timeout: 5000 });
    socket.on("connect", () => resolve({ socket }));
    socket.on("connect_error", (error) => resolve({ socket, error: error.message }));
  });
}

/** A POST with a chunked body (no Content-Length), which Playwright's request API does not send. */
function postChunked(url: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
    req.end();
  });
}

test("the login page and a signed-in page carry the security headers, with a new script nonce each time", async ({ page, request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const nonce = expectPagePolicy(first);
  expect(expectPagePolicy(second)).not.toBe(nonce);
  // Next put the nonce on the page's own scripts.
  expect(await first.text()).toContain(`nonce="${nonce}"`);

  await signIn(page, admin.email, admin.password);
  const home = await page.request.get("/");
  expect(home.url()).not.toContain("/login");
  expectPagePolicy(home);

  // Responses that are not pages carry the plain headers too: a route handler and a build asset.
  expectSecurityHeaders(await page.request.get(`/api/avatars/${crypto.randomUUID()}`));
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await home.text())?.[1];
  expect(asset).toBeTruthy();
  expectSecurityHeaders(await page.request.get(asset!));
});

test("a user signs in, opens a module, a card and their profile with a new picture, and the browser refuses nothing", async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const listPath = await createModule(page, `Security ${unique}`);
  const user = await inviteAndActivate(page, browser, vera, "Normal");
  await user.close();

  const violations = watchViolations(page);
  let liveUp = false;
  page.on("websocket", (ws) => ws.on("framereceived", (frame) => void (String(frame.payload).startsWith("40") && (liveUp = true))));

  // Login, as this user, under the policy.
  await page.context().clearCookies();
  const login = await page.goto("/login");
  expectPagePolicy(login!);
  // A wrong password first: the form says so (the server logs one line for it).
  await page.getByLabel("Email").fill(vera.email);
  await page.getByLabel("Password").fill("not her password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await page.getByLabel("Password").fill(vera.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));

  // The module's card list, then a new card and its page, with the live connection up.
  expectPagePolicy((await page.goto(listPath))!);
  await page.getByRole("link", { name: "New card" }).first().click();
  await page.getByLabel("Card name").fill(`Framed ${unique}`);
  await page.getByLabel("Todo", { exact: true }).fill("Check the security headers");
  await page.getByRole("button", { name: "Create card" }).click();
  await expect(page).toHaveURL(/\/cards\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { name: `Framed ${unique}` })).toBeVisible();
  await expect.poll(() => liveUp, { message: "Socket.IO's CONNECT reply (frame 40) arrives" }).toBe(true);

  // The profile: a picture previewed from a blob: URL, uploaded, then shown from /api/avatars.
  expectPagePolicy((await page.goto("/profile"))!);
  await page.getByLabel("Choose a picture").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: tinyPng });
  const preview = page.getByRole("img", { name: "Preview of the new picture" });
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(1);
  await page.getByRole("button", { name: "Upload picture" }).click();
  await expect(page.getByText("Your new picture was saved.")).toBeVisible();
  const avatar = page.getByRole("figure", { name: "Current picture" }).getByRole("img");
  await expect(avatar).toBeVisible();
  await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);

  // A file over the limit is refused in the browser, in words, before anything is sent.
  await page.getByLabel("Choose a picture").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(fourMegabytes, 1) });
  await expect(page.getByText("The picture can be at most 2 MB.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Upload picture" })).toBeDisabled();

  expect(violations).toEqual([]);
});

test("a page of another origin cannot frame the app", async ({ page, baseURL }) => {
  // The attacker's page, served from another port of the same host.
  const attacker = createServer((_, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(`<!doctype html><title>Win a prize</title><iframe title="prize" src="${baseURL}/login"></iframe>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    // The browser refused to show the app inside it: the frame holds the browser's error page, not the login form.
    const frame = () => page.frames().find((f) => f !== page.mainFrame());
    await expect.poll(() => frame()?.url()).toMatch(/^chrome-error:/);
    await expect(page.frameLocator("iframe").getByRole("button", { name: "Sign in" })).toHaveCount(0);
  } finally {
    attacker.close();
  }
});

test("the live connection refuses a signed-in cookie sent from another origin and accepts the app's own", async ({ page, context, baseURL }) => {
  await signIn(page, admin.email, admin.password);
  const cookie = await cookieHeader(context);

  const foreign = await connect(baseURL!, { cookie, origin: foreignOrigin(baseURL!) });
  expect(foreign.socket.connected).toBe(false);
  expect(foreign.error).toBeDefined();
  foreign.socket.close();

  const own = await connect(baseURL!, { cookie, origin: baseURL! });
  expect(own.error).toBeUndefined();
  expect(own.socket.connected).toBe(true);
  own.socket.close();
});

test("an oversized server action answers 413 and a foreign-origin one 403, and the same action from the app's origin still runs", async ({ page, context, baseURL }) => {
  await signIn(page, admin.email, admin.password);
  const setAvatar = { page: "/profile", filename: "app/(app)/profile/actions.ts", exportedName: "setAvatarAction" };
  const id = actionId(setAvatar.filename, setAvatar.exportedName);

  // A 4 MB picture, as the form would post it: refused from its Content-Length.
  const big = await page.request.post("/profile", {
    headers: { "Next-Action": id, Accept: "text/x-component", Origin: baseURL! },
    multipart: { "1_file": { name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(fourMegabytes, 1) } },
    maxRedirects: 0,
  });
  expect(big.status()).toBe(413);

  // Without a Content-Length (chunked), counted as it arrives.
  const chunkedHeaders = { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Cookie: await cookieHeader(context), Origin: baseURL! };
  const chunkedBig = await postChunked(`${baseURL}/profile`, chunkedHeaders, Buffer.from(JSON.stringify([null, { file: "x".repeat(fourMegabytes) }])));
  expect(chunkedBig.status).toBe(413);
  // A small chunked body still reaches the action, which answers it (no file given).
  const chunkedSmall = await postChunked(`${baseURL}/profile`, chunkedHeaders, Buffer.from(JSON.stringify([null, {}])));
  expect(chunkedSmall.status).toBe(200);
  expect(chunkedSmall.text).toContain('"error":"required"');

  // From another origin: refused; from the app's own, the same call runs.
  const removeAvatar = { page: "/profile", filename: "app/(app)/profile/actions.ts", exportedName: "removeAvatarAction", args: [null, {}] };
  const foreign = await postServerAction(page.request, { ...removeAvatar, headers: { Origin: foreignOrigin(baseURL!) } });
  expect(foreign.status).toBe(403);
  const own = await postServerAction(page.request, { ...removeAvatar, headers: { Origin: baseURL! } });
  expect(own.status).toBe(200);
  expect(own.body).toContain('"ok":true');
});
