import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, servedOverHttps } from "@/lib/security/headers";

/**
 * Every page gets a Content-Security-Policy with a nonce of its own. Next reads the nonce from the
 * request's policy header while rendering and puts it on its scripts (hence every page renders per request,
 * which the app's pages do anyway: they read the session and the language cookie). The other security headers
 * come from server.ts, on every response.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = contentSecurityPolicy({
    nonce,
    host: request.headers.get("host"),
    https: servedOverHttps(request.headers.get("x-forwarded-proto")),
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not route handlers (api), build assets, or requests whose answer is not a document
      // (prefetches and server-action calls answer with RSC data, which carries no script tags).
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        { type: "header", key: "next-action" },
      ],
    },
  ],
};
