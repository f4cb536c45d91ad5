import { resendTransport } from "./resend";
import { smtpTransport } from "./smtp";
import type { EmailTransport, TransportName } from "./types";

type Env = Record<string, string | undefined>;

export const defaultMailFrom = "CRM <no-reply@localhost>";

/** The From address of every email (MAIL_FROM). */
export const mailFrom = (env: Env = process.env) => env.MAIL_FROM?.trim() || defaultMailFrom;

/** Which transport the configuration picks: RESEND_API_KEY, else SMTP_URL, else the outbox. */
export function configuredTransportName(env: Env = process.env): TransportName {
  if (env.RESEND_API_KEY) return "resend";
  if (env.SMTP_URL) return "smtp";
  return "outbox";
}

const globalForTransport = globalThis as unknown as { __crmMailTransport?: { signature: string; transport: EmailTransport | null } };

/**
 * The configured transport, one per process (null: none configured — emails stay in the outbox).
 * Rebuilt when the configuration changes (tests switch it between cases).
 */
export function chooseTransport(env: Env = process.env): EmailTransport | null {
  const signature = JSON.stringify([env.RESEND_API_KEY, env.RESEND_BASE_URL, env.SMTP_URL]);
  const cached = globalForTransport.__crmMailTransport;
  if (cached?.signature === signature) return cached.transport;
  cached?.transport?.close?.();
  const name = configuredTransportName(env);
  const transport = name === "resend" ? resendTransport(env.RESEND_API_KEY!, env.RESEND_BASE_URL) : name === "smtp" ? smtpTransport(env.SMTP_URL!) : null;
  globalForTransport.__crmMailTransport = { signature, transport };
  return transport;
}
