import { Resend } from "resend";
import type { EmailTransport, OutgoingEmail, SendResult } from "./types";

/** Seconds or an HTTP date (RFC 9110 Retry-After) → milliseconds from now. */
export function parseRetryAfter(value: string | null | undefined, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

const formatAddress = (a: { address: string; name: string }) => (a.name ? `${JSON.stringify(a.name.replace(/[\r\n]/g, " "))} <${a.address}>` : a.address);

/**
 * Resend (RESEND_API_KEY; RESEND_BASE_URL points the real client elsewhere, e.g. a test stub).
 * The email's id is the idempotency key: a job that died after Resend accepted the email sends the
 * same request again and Resend answers with the first email instead of sending twice.
 */
export function resendTransport(apiKey: string, baseUrl = process.env.RESEND_BASE_URL): EmailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send(email: OutgoingEmail): Promise<SendResult> {
      const { data, error, headers } = await resend.emails.send(
        {
          from: email.from,
          to: [formatAddress(email.to)],
          subject: email.subject,
          html: email.html,
          text: email.text,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
          ...(Object.keys(email.headers).length ? { headers: email.headers } : {}),
        },
        // A timeout well inside the job lease; a timed-out request is retried with the same key.
        { idempotencyKey: email.id, signal: AbortSignal.timeout(60_000) },
      );
      if (data) return { ok: true, messageId: data.id };
      const status = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
      const message = error?.message ?? "Resend refused the email";
      if (status === 429) {
        return { ok: false, retry: true, rateLimited: true, message, retryAfterMs: parseRetryAfter(headers?.["retry-after"]) ?? 1_000 };
      }
      // Network trouble (no status), timeouts, 5xx and a concurrent idempotent request (409) are worth retrying.
      const retry = status === null || status >= 500 || status === 408 || status === 409;
      return { ok: false, retry, message: status ? `${status} ${message}` : message };
    },
  };
}
