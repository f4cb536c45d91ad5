import { createHash } from "node:crypto";

/**
 * A UUID derived from a step run's id and a part name ("email:0", "todo"): what a step run creates has
 * ids fixed in advance, so a second execution could not insert a second copy even past the row lock
 * (the primary key refuses it), and Resend's idempotency key (the email id) stays the same.
 */
export function stepRunPartId(stepRunId: string, part: string): string {
  const h = createHash("sha256").update(`automation-step-run:${stepRunId}:${part}`).digest("hex");
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
