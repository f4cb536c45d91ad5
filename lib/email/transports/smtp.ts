import nodemailer from "nodemailer";
import type { EmailTransport, OutgoingEmail, SendResult } from "./types";

/** The Message-ID an email always goes out with, so a repeated delivery can be recognised downstream. */
export const smtpMessageId = (emailId: string) => `<${emailId}@crm>`;

/**
 * SMTP through nodemailer (SMTP_URL, e.g. smtp://user:pass@mail.example.org:587 or smtps://…:465),
 * for self-hosters with their own mail server.
 */
export function smtpTransport(url: string): EmailTransport {
  // Timeouts well inside the job lease (5 min): a hung server must not outlive the claim, or another
  // runner could send the same email (SMTP has no idempotency key; the Message-ID is only a hint downstream).
  const transporter = nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  return {
    name: "smtp",
    async send(email: OutgoingEmail): Promise<SendResult> {
      try {
        const info = await transporter.sendMail({
          messageId: smtpMessageId(email.id),
          from: email.from,
          to: { name: email.to.name, address: email.to.address },
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: email.headers,
        });
        return { ok: true, messageId: info.messageId ?? smtpMessageId(email.id) };
      } catch (error) {
        const e = error as { responseCode?: number; message?: string; code?: string };
        const code = e.responseCode;
        // 5xx replies are permanent (mailbox unknown, refused); 4xx and connection errors are temporary.
        const permanent = typeof code === "number" && code >= 500 && code < 600;
        return { ok: false, retry: !permanent, message: e.message ?? String(error) };
      }
    },
    close: () => transporter.close(),
  };
}
