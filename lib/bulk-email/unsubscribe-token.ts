import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * The signed one-click unsubscribe token of a bulk email (RFC 8058): `<emailId>.<hmac>`, the HMAC
 * (SHA-256, keyed with AUTH_SECRET — lib/auth/secret.ts) over the email's id. It names the email, not
 * the address: the address is read from the stored email, so a token cannot be bent to another one.
 * A forged token fails the check; a replayed one finds the address already suppressed — both harmless.
 */
const prefix = "crm-unsubscribe:v1:";

function secret(): string {
  const key = process.env.AUTH_SECRET;
  if (!key) throw new Error("AUTH_SECRET is not set");
  return key;
}

const mac = (emailId: string) => createHmac("sha256", secret()).update(prefix + emailId).digest("base64url");

export function signUnsubscribeToken(emailId: string): string {
  return `${emailId}.${mac(emailId)}`;
}

/** The email id a token was signed for, or null for anything else (malformed, forged, another key). */
export function verifyUnsubscribeToken(token: unknown): string | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const dot = token.indexOf(".");
  if (dot < 0) return null;
  const emailId = token.slice(0, dot);
  if (!z.uuid().safeParse(emailId).success) return null;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(emailId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? emailId : null;
}

/** The app's absolute base URL for links in emails (APP_URL, else this server's port on localhost). */
export function appUrl(): string {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

/** The address part of MAIL_FROM ("CRM <no-reply@localhost>" → "no-reply@localhost"). */
export function mailFromAddress(): string {
  const from = process.env.MAIL_FROM ?? "CRM <no-reply@localhost>";
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

/** The links and headers an email of a bulk run carries. */
export function unsubscribeLinks(emailId: string) {
  const token = encodeURIComponent(signUnsubscribeToken(emailId));
  const pageUrl = `${appUrl()}/unsubscribe?token=${token}`;
  const oneClickUrl = `${appUrl()}/api/unsubscribe?token=${token}`;
  return {
    pageUrl,
    headers: {
      "List-Unsubscribe": `<${oneClickUrl}>, <mailto:${mailFromAddress()}?subject=unsubscribe>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
