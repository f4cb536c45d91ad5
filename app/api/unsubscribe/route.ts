import { getDb } from "@/db/client";
import { unsubscribeByToken } from "@/lib/bulk-email/unsubscribe";
import { systemClock } from "@/lib/clock";

const headers = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

/**
 * One-click unsubscribe (RFC 8058): a mail client POSTs `List-Unsubscribe=One-Click` to the URL of the
 * email's List-Unsubscribe header. Also the target of the confirmation page's button (`from=page`, answered
 * with a redirect back to the page). No session. A forged or replayed token changes nothing.
 */
export async function POST(request: Request) {
  const url = new URL(request.url);
  let body: URLSearchParams = new URLSearchParams();
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    const form = await request.formData().catch(() => null);
    if (form) body = new URLSearchParams([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  } else {
    const text = await request.text().catch(() => "");
    if (text.length <= 2000) body = new URLSearchParams(text);
  }
  const token = url.searchParams.get("token") ?? body.get("token");
  const result = await unsubscribeByToken({ db: await getDb(), now: systemClock.now() }, token);
  if (body.get("from") === "page") {
    const back = new URL("/unsubscribe", url);
    if (token) back.searchParams.set("token", token);
    back.searchParams.set(result.ok ? "done" : "invalid", "1");
    return new Response(null, { status: 303, headers: { ...headers, Location: back.pathname + back.search } });
  }
  return result.ok ? new Response("Unsubscribed.\n", { status: 200, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } }) : new Response("Invalid unsubscribe link.\n", { status: 400, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

/** Opening the link does not unsubscribe (link scanners open every link): it leads to the page with the confirm button. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const page = new URL("/unsubscribe", url);
  const token = url.searchParams.get("token");
  if (token) page.searchParams.set("token", token);
  return new Response(null, { status: 303, headers: { ...headers, Location: page.pathname + page.search } });
}
