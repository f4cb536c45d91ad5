/**
 * Which origins may talk to the app with the user's cookie: the Socket.IO handshake and server-action POSTs
 * check a request's `Origin` here. `APP_URL` (the public address) and `ALLOWED_ORIGINS` (comma-separated, e.g.
 * a second hostname on the proxy) name them when set; otherwise a request is same-origin when its `Origin`
 * names the host it was sent to (its `Host`, or `X-Forwarded-Host` behind a trusted proxy).
 */
export type OriginPolicy = { origins: string[]; trustProxy: boolean };

type Env = Record<string, string | undefined>;

const toOrigin = (value: string): string | null => {
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
};

export function originPolicyFromEnv(env: Env = process.env): OriginPolicy {
  const listed = [env.APP_URL ?? "", ...(env.ALLOWED_ORIGINS ?? "").split(",")].filter((v) => v.trim() !== "");
  const origins = listed.map(toOrigin).filter((o): o is string => o !== null);
  return { origins: [...new Set(origins)], trustProxy: env.TRUST_PROXY === "1" };
}

type RequestHeaders = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() || undefined;

/**
 * Whether a request's `Origin` is the app's own. No `Origin` at all passes: browsers send one on every
 * cross-origin request and every WebSocket handshake, so its absence means a same-origin GET or a client
 * that is not a browser (which cannot borrow a victim's cookie). `Origin: null` (sandboxed frames, files) never passes.
 */
export function isAllowedOrigin(headers: RequestHeaders, policy: OriginPolicy): boolean {
  const origin = first(headers.origin);
  if (origin === undefined) return true;
  const parsed = toOrigin(origin);
  if (!parsed) return false;
  if (policy.origins.length > 0) return policy.origins.includes(parsed);
  const host = (policy.trustProxy ? first(headers["x-forwarded-host"]) : undefined) ?? first(headers.host);
  return host !== undefined && new URL(parsed).host === host.toLowerCase();
}
