/** One stored email as a transport sends it. */
export type OutgoingEmail = {
  id: string;
  from: string;
  to: { address: string; name: string };
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
};

export type SendResult =
  | { ok: true; messageId: string }
  /**
   * `retry`: worth trying again (rate limit, 5xx, network); else permanent (the provider refused it).
   * `retryAfterMs`: the provider said when (a 429's Retry-After).
   */
  | { ok: false; retry: boolean; message: string; retryAfterMs?: number; rateLimited?: boolean };

export type TransportName = "resend" | "smtp" | "outbox";

export interface EmailTransport {
  readonly name: TransportName;
  send(email: OutgoingEmail): Promise<SendResult>;
  close?(): void;
}
