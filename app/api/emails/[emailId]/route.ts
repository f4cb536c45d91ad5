import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { getCardEmailOrThrow } from "@/lib/email/get-email-or-throw";

/**
 * A stored email's HTML, for the card page's viewer frame (`<iframe sandbox="">`), to those who may
 * see its card. The policy makes it inert even when opened directly: a sandbox (no scripts, an
 * opaque origin, no forms), nothing loaded from anywhere but inline styles and data: images, and
 * framed only by the app itself. (CSP frame-ancestors overrides the X-Frame-Options: DENY that
 * server.ts puts on every response.)
 */
const emailViewerPolicy = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

const noStore = { "Cache-Control": "private, no-store" };

export async function GET(_request: Request, { params }: { params: Promise<{ emailId: string }> }) {
  const actor = await getCurrentUser();
  if (!actor) return new Response(null, { status: 401, headers: noStore });
  const { emailId } = await params;
  try {
    const email = await getCardEmailOrThrow(await getDb(), actor, emailId);
    return new Response(email.html, {
      headers: {
        ...noStore,
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": emailViewerPolicy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") return new Response(null, { status: 404, headers: noStore });
    throw error;
  }
}
