import { NextResponse } from "next/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { fields } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/session";
import { systemClock, testClockEnabled } from "@/lib/clock";
import { DomainError, httpStatus } from "@/lib/errors";
import { createEmailTemplate } from "@/lib/templates/email-templates";

const schema = z.object({ moduleId: z.uuid(), name: z.string(), subject: z.string(), bodyHtml: z.string() });

/**
 * Test mode only (CRM_TEST_MODE=1): stores an email template through the same verb as the Templates
 * page, so stories about sending need not drive the editor first (e2e/templates.spec.ts does).
 * A field written as {{field:Name}} becomes {{card.field.<id>}} (a story does not know field ids).
 * In any other mode this route does not exist.
 */
export async function POST(request: Request) {
  if (!testClockEnabled) return new NextResponse(null, { status: 404 });
  const actor = await getCurrentUser();
  if (!actor) return new NextResponse(null, { status: 401 });
  const body = schema.safeParse(await request.json().catch(() => null));
  if (!body.success) return NextResponse.json({ error: "invalid_input" }, { status: 422 });
  const db = await getDb();
  const moduleFields = await db.select().from(fields).where(eq(fields.moduleId, body.data.moduleId));
  const named = (text: string) => text.replace(/\{\{field:([^{}]+)\}\}/g, (_, name: string) => `{{card.field.${moduleFields.find((f) => f.name === name)?.id ?? name}}}`);
  try {
    const written = await createEmailTemplate(
      { actor, db, now: systemClock.now() },
      { moduleId: body.data.moduleId, name: body.data.name, category: "", subject: named(body.data.subject), bodyHtml: named(body.data.bodyHtml) },
    );
    return NextResponse.json({ id: written.templateId });
  } catch (error) {
    if (error instanceof DomainError) return NextResponse.json({ error: error.code }, { status: httpStatus[error.kind] });
    throw error;
  }
}
