import { randomBytes } from "node:crypto";
import { documents } from "@/db/schema";
import type { Ctx } from "@/lib/actions/safe-action";
import { invalid, notFound } from "@/lib/errors";
import { getOrganisation } from "@/lib/org/organisation";
import { addCalendarDays, startOfZonedDay } from "@/lib/time/calendar-days";
import { documentIdSchema, publishDocumentSchema } from "./document-input";
import { changeOf, getManagedDocumentOrThrow, liveDocument } from "./manage-document";

/** 32 random bytes (256 bits), base64url: a link nobody guesses. */
export const newPublicToken = () => randomBytes(32).toString("base64url");

/**
 * Publishes a document under a new unguessable link (an earlier link stops working), optionally until
 * the end of a day in the organisation's time zone.
 */
export async function publishDocument(ctx: Ctx, raw: { documentId: string; expiresOn?: string | null }) {
  const input = publishDocumentSchema.parse(raw);
  const document = await getManagedDocumentOrThrow(ctx, input.documentId);
  const timeZone = (await getOrganisation(ctx.db))?.timeZone ?? "Europe/Budapest";
  const expiresAt = input.expiresOn ? startOfZonedDay(addCalendarDays(input.expiresOn, 1), timeZone) : null;
  if (expiresAt && expiresAt <= ctx.now) throw invalid("expiry_in_past", { expiresOn: "expiry_in_past" });
  const token = newPublicToken();
  const done = await ctx.db.update(documents).set({ publicToken: token, publicExpiresAt: expiresAt, updatedAt: ctx.now }).where(liveDocument(document.id)).returning({ id: documents.id });
  if (done.length === 0) throw notFound("document_not_found");
  return { ...(await changeOf(ctx.db, document)), token, expiresAt };
}

/** Revokes a document's public link: at once, the link answers 404. */
export async function revokePublicLink(ctx: Ctx, raw: { documentId: string }) {
  const { documentId } = documentIdSchema.parse(raw);
  const document = await getManagedDocumentOrThrow(ctx, documentId);
  await ctx.db.update(documents).set({ publicToken: null, publicExpiresAt: null, updatedAt: ctx.now }).where(liveDocument(document.id));
  return changeOf(ctx.db, document);
}
