import type { Db } from "@/db/client";
import enMessages from "@/messages/en/outbox.json";
import huMessages from "@/messages/hu/outbox.json";
import { getOrganisation, type Locale } from "@/lib/org/organisation";
import { renderEmail } from "./render-email";
import { queueEmails } from "./queue-email";
import { escapeHtml } from "./variables";

export type SystemEmailPurpose = "invitation" | "password_reset";

const messages = { en: enMessages.systemEmail, hu: huMessages.systemEmail } as const;

/** The app's absolute address for links in emails (APP_URL; default http://localhost:<PORT>). */
export function appUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.APP_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, "");
}

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");

/**
 * Queues an invitation or password-reset email in the caller's transaction (the same path as every
 * other email: stored, delivered by the job runner, or kept in the outbox). The admin still sees the
 * link on screen. Its delivery job is announced as `queueEmails` says.
 */
export async function queueSystemEmail(
  tx: Db,
  input: { purpose: SystemEmailPurpose; to: { address: string; firstName: string; lastName: string; locale: Locale | null }; linkPath: string; expiresAt: Date; now: Date },
): Promise<string> {
  const org = await getOrganisation(tx);
  const locale: Locale = input.to.locale ?? org?.defaultLocale ?? "hu";
  const m = messages[locale][input.purpose];
  const name = locale === "hu" ? `${input.to.lastName} ${input.to.firstName}`.trim() : `${input.to.firstName} ${input.to.lastName}`.trim();
  const link = `${appUrl()}${input.linkPath}`;
  const expires = new Intl.DateTimeFormat(locale === "hu" ? "hu-HU" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: org?.timeZone ?? "Europe/Budapest" }).format(input.expiresAt);
  const values = { name, organisation: org?.name ?? "CRM", expires };
  const subject = fill(m.subject, values);
  const bodyHtml = [
    `<p>${escapeHtml(fill(messages[locale].greeting, values))}</p>`,
    `<p>${escapeHtml(fill(m.body, values))}</p>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(m.button)}</a></p>`,
    `<p>${escapeHtml(fill(m.expires, values))}</p>`,
    `<p>${escapeHtml(messages[locale].ignore)}</p>`,
  ].join("");
  // No {{variables}} left in the text: everything above is already filled in and escaped.
  const rendered = await renderEmail({ subject, bodyHtml, values: {}, locale, signatureHtml: "" });
  const [id] = await queueEmails(
    tx,
    [{ kind: "system", fromName: org?.name ?? "", toAddress: input.to.address, toName: name, replyTo: null, subject: rendered.subject, html: rendered.html, text: rendered.text, headers: {} }],
    input.now,
  );
  return id;
}
