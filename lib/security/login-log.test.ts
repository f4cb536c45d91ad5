import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger, emailTag, refusedLoginLine } from "./login-log";

/** An error as Auth.js builds one for a refused login from our subclass of CredentialsSignin (see lib/auth/auth.ts). */
function refusedLoginError(): Error {
  const error = new Error("Read more at https://errors.authjs.dev#credentialssignin");
  return Object.assign(error, { name: "LoginRefused", type: "CredentialsSignin", kind: "signIn", code: "invalid" });
}

describe("the refused-login log", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is one line with a tag for the email, never the email itself", () => {
    const line = refusedLoginLine({ email: " Bela@Acme.test", ip: "10.0.0.7", code: "invalid" });
    expect(line).toMatch(/^Login refused \(invalid\): user [0-9a-f]{12} from 10\.0\.0\.7$/);
    expect(line.toLowerCase()).not.toContain("bela");
    expect(emailTag("bela@acme.test")).toBe(emailTag("BELA@acme.test "));
    expect(emailTag("bela@acme.test")).not.toBe(emailTag("ghost@acme.test"));
    expect(emailTag("bela@acme.test", "one secret")).not.toBe(emailTag("bela@acme.test", "another"));
  });

  it("leaves Auth.js's stack trace of a refused login out, and prints other errors", () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    authLogger.error(refusedLoginError());
    expect(printed).not.toHaveBeenCalled();
    const broken = new Error("database down");
    authLogger.error(broken);
    expect(printed).toHaveBeenCalledWith(broken);
  });
});
