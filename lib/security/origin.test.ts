import { describe, expect, it } from "vitest";
import { isAllowedOrigin, originPolicyFromEnv } from "./origin";

const sameOrigin = originPolicyFromEnv({});
const configured = originPolicyFromEnv({ APP_URL: "https://crm.example.com/", ALLOWED_ORIGINS: " https://crm.example.org , not a url" });
const behindProxy = originPolicyFromEnv({ TRUST_PROXY: "1" });

describe("isAllowedOrigin", () => {
  it("reads APP_URL and ALLOWED_ORIGINS as origins, skipping what is not one", () => {
    expect(configured.origins).toEqual(["https://crm.example.com", "https://crm.example.org"]);
    expect(sameOrigin.origins).toEqual([]);
  });

  // origin header, host header, policy, allowed?
  const table: [string, string | undefined, Record<string, string | undefined>, typeof sameOrigin, boolean][] = [
    ["no origin (same-origin GET, or not a browser)", undefined, { host: "127.0.0.1:3000" }, sameOrigin, true],
    ["the request's own host", "http://127.0.0.1:3000", { host: "127.0.0.1:3000" }, sameOrigin, true],
    ["the same host on another port", "http://127.0.0.1:3001", { host: "127.0.0.1:3000" }, sameOrigin, false],
    ["another site", "https://attacker.test", { host: "127.0.0.1:3000" }, sameOrigin, false],
    ["a sandboxed frame or a file (null)", "null", { host: "127.0.0.1:3000" }, sameOrigin, false],
    ["not a web origin", "chrome-extension://abc", { host: "abc" }, sameOrigin, false],
    ["no host to compare with", "http://127.0.0.1:3000", {}, sameOrigin, false],
    ["APP_URL", "https://crm.example.com", { host: "10.0.0.5:3000" }, configured, true],
    ["one of ALLOWED_ORIGINS", "https://crm.example.org", { host: "10.0.0.5:3000" }, configured, true],
    ["APP_URL's host over plain http", "http://crm.example.com", { host: "crm.example.com" }, configured, false],
    ["the request's own host when origins are configured", "http://10.0.0.5:3000", { host: "10.0.0.5:3000" }, configured, false],
    ["X-Forwarded-Host behind a trusted proxy", "https://crm.example.com", { host: "app:3000", "x-forwarded-host": "crm.example.com" }, behindProxy, true],
    ["X-Forwarded-Host without a trusted proxy", "https://crm.example.com", { host: "app:3000", "x-forwarded-host": "crm.example.com" }, sameOrigin, false],
  ];
  it.each(table)("%s", (_, origin, headers, policy, allowed) => {
    expect(isAllowedOrigin({ ...headers, origin }, policy)).toBe(allowed);
  });
});
