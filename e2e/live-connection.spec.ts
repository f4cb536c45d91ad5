import { expect, test, type BrowserContext } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { admin, signIn } from "./fixtures";

function connect(baseURL: string, cookie?: string): Promise<{ socket: Socket; error?: string }> {
  return new Promise((resolve) => {
    const socket = io(baseURL, { transports: ["websocket"], extraHeaders: cookie ? { cookie } : {}, reconnection: false, timeout: 5000 });
    socket.on("connect", () => resolve({ socket }));
    socket.on("connect_error", (error) => resolve({ socket, error: error.message }));
  });
}

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

test("the live connection refuses a socket without a valid session and accepts a signed-in browser's", async ({ page, context, baseURL }) => {
  const anonymous = await connect(baseURL!);
  expect(anonymous.error).toBe("unauthenticated");
  anonymous.socket.close();

  const forged = await connect(baseURL!, "authjs.session-token=not-a-real-token");
  expect(forged.error).toBe("unauthenticated");
  forged.socket.close();

  await signIn(page, admin.email, admin.password);
  const signedIn = await connect(baseURL!, await cookieHeader(context));
  expect(signedIn.error).toBeUndefined();
  expect(signedIn.socket.connected).toBe(true);
  signedIn.socket.close();
});
