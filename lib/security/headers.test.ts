import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders, servedOverHttps } from "./headers";

describe("security headers", () => {
  it("sends HSTS only over HTTPS: a trusted proxy's X-Forwarded-Proto, or an https APP_URL", () => {
    expect(servedOverHttps("https", { TRUST_PROXY: "1" })).toBe(true);
    expect(servedOverHttps("https", {})).toBe(false); // anyone can send the header without a proxy
    expect(servedOverHttps(undefined, { APP_URL: "https://crm.example.com" })).toBe(true);
    expect(servedOverHttps("http", { TRUST_PROXY: "1", APP_URL: "http://crm.local" })).toBe(false);
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(securityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    // Only a stored email may be framed, and only by the app's own pages (the card's email viewer).
    expect(securityHeaders({ https: false })["X-Frame-Options"]).toBe("DENY");
    expect(securityHeaders({ https: false, path: "/api/emails/0b7e…" })["X-Frame-Options"]).toBe("SAMEORIGIN");
    expect(securityHeaders({ https: false, path: "/cards/1" })["X-Frame-Options"]).toBe("DENY");
  });

  it("allows the page's own WebSocket, and no socket source from a host header that is not a plain host", () => {
    const policy = (host: string | null, https = false) => contentSecurityPolicy({ nonce: "abc", host, https, dev: false });
    expect(policy("127.0.0.1:3000")).toContain("connect-src 'self' ws://127.0.0.1:3000;");
    expect(policy("crm.example.com", true)).toContain("connect-src 'self' wss://crm.example.com;");
    expect(policy("evil; script-src *")).toContain("connect-src 'self';");
    expect(policy(null)).not.toContain("upgrade-insecure-requests");
    expect(policy(null, true)).toContain("upgrade-insecure-requests");
  });
});
