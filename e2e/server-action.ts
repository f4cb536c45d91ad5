import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** A server action's id, read from the build the e2e server runs (E2E_DIST_DIR, default .next-e2e). */
export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.env.E2E_DIST_DIR ?? ".next-e2e", "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === filename && a.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} in ${filename}`);
  return found[0];
}

/**
 * Calls a server action the way a hand-made request would: no UI, just the POST. Proves the server
 * refuses it on its own, not only because a page hid the button. Returns the raw RSC response text.
 */
export async function postServerAction(
  request: APIRequestContext,
  { page, filename, exportedName, args, headers = {} }: { page: string; filename: string; exportedName: string; args: unknown[]; headers?: Record<string, string> },
): Promise<{ status: number; body: string }> {
  const response = await request.post(page, {
    headers: { "Next-Action": actionId(filename, exportedName), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...headers },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}
