import { createHmac } from "node:crypto";

/**
 * The email as a short keyed hash: the same address gives the same tag (repeated attempts can be told
 * apart from a spray over many accounts) without the log holding the address, or a plain hash one could look up.
 */
export function emailTag(email: string, secret = process.env.AUTH_SECRET ?? ""): string {
  return createHmac("sha256", secret).update(email.trim().toLowerCase()).digest("hex").slice(0, 12);
}

/** One log line per refused login. */
export function refusedLoginLine({ email, ip, code }: { email: string; ip: string | null; code: string }): string {
  return `Login refused (${code}): user ${emailTag(email)} from ${ip || "unknown address"}`;
}

/**
 * Auth.js's logger. A refused login is an expected answer: it is logged once, as one line, where it is
 * decided (authorize), and Auth.js's own report of it (a six-line CredentialsSignin stack trace) is left out.
 * Auth.js names an error after its class (a subclass such as LoginRefused keeps the name "LoginRefused") but
 * types it after the Auth.js error it extends, so the type is what tells. Anything else is printed in full.
 */
export const authLogger = {
  error(error: Error) {
    if ((error as Error & { type?: string }).type === "CredentialsSignin") return;
    console.error(error);
  },
};
