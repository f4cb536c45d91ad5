/**
 * The security headers. server.ts puts the plain ones on every response (pages, API routes, avatars, static
 * files); proxy.ts adds the Content-Security-Policy to pages, with a fresh nonce per request.
 */
type RequestHeaders = Record<string, string | string[] | undefined>;
type Env = Record<string, string | undefined>;

const first = (value: string | string[] | null | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim().toLowerCase() || undefined;

/** HTTPS as the browser sees it: a trusted proxy's X-Forwarded-Proto, or a public APP_URL on https. */
export function servedOverHttps(forwardedProto: string | string[] | null | undefined, env: Env = process.env): boolean {
  if (env.TRUST_PROXY === "1" && first(forwardedProto) === "https") return true;
  return (env.APP_URL ?? "").trim().toLowerCase().startsWith("https://");
}

/** Features the app never uses, off for it and for anything it might embed. */
const permissionsPolicy = [
  "camera", "microphone", "geolocation", "payment", "usb", "serial", "hid",
  "display-capture", "accelerometer", "gyroscope", "magnetometer",
].map((feature) => `${feature}=()`).join(", ");

/** Responses the app frames on its own pages: a stored email, shown in the card page's sandboxed viewer. */
export const sameOriginFramed = (path: string) => path.startsWith("/api/emails/");

export function securityHeaders({ https, path = "/" }: { https: boolean; path?: string }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": permissionsPolicy,
    // frame-ancestors in the CSP says the same; this is for browsers that predate it.
    "X-Frame-Options": sameOriginFramed(path) ? "SAMEORIGIN" : "DENY",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/** The plain headers for a Node request (server.ts). */
export const securityHeadersFor = (headers: RequestHeaders, path: string, env: Env = process.env) =>
  securityHeaders({ https: servedOverHttps(headers["x-forwarded-proto"], env), path });

const plainHost = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * A page's policy. Scripts run only with this response's nonce (Next puts it on its own scripts and
 * inline data) or when loaded by such a script ('strict-dynamic'); no eval outside development.
 *
 * Styles: <style> and stylesheets need 'self' or the nonce, but style *attributes* are allowed
 * (`style-src-attr 'unsafe-inline'`). Nonces cannot apply to attributes, and the server-rendered HTML has
 * them: the user-chosen status colours (React `style={{ backgroundColor }}` in the list, board, card page,
 * contact page and module settings), which a class cannot express. Without it those dots render colourless
 * (the browser drops the attribute, and hydration does not set it again). Attributes cannot run script.
 */
export function contentSecurityPolicy({ nonce, host, https, dev }: { nonce: string; host: string | null; https: boolean; dev: boolean }): string {
  // 'self' covers the same-origin WebSocket in current browsers; the explicit ws(s) source is for older Safari.
  const socket = host && plainHost.test(host) ? ` ${https ? "wss" : "ws"}://${host}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    // Avatars come from /api/avatars; the profile form previews a chosen picture from a blob: URL.
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${socket}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
