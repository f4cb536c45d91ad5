import { NextResponse } from "next/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { emailTemplates, fields } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { testClockEnabled } from "@/lib/clock";
import { sanitizeEmailHtml } from "@/lib/email/sanitize-html";
import { assertTemplateVariables } from "@/lib/email/variables";

const schema = z.object({
  moduleId: z.uuid(),
  name: z.string().min(1),
  subject: z.string().min(1),
  bodyHtml: z.string().min(1),
});

/**
 * Test mode only (CRM_TEST_MODE=1), for a signed-in template manager: stores an email template,
 * sanitised and checked, so the card-email story runs before the templates page exists on this branch.
 * A field written as {{field:Name}} becomes {{card.field.<id>}} (the story does not know field ids).
 * In any other mode this route does not exist.
 */
export async function POST(request: Request) {
  if (!testClockEnabled) return new NextResponse(null, { status: 404 });
  const actor = await getCurrentUser();
  if (!actor || !can(actor, "templates.manage")) return new NextResponse(null, { status: 403 });
  const body = schema.safeParse(await request.json().catch(() => null));
  if (!body.success) return NextResponse.json({ error: "invalid_input" }, { status: 422 });
  const db = await getDb();
  const moduleFields = await db.select().from(fields).where(eq(fields.moduleId, body.data.moduleId));
  const named = (text: string) => text.replace(/\{\{field:([^{}]+)\}\}/g, (_, name: string) => `{{card.field.${moduleFields.find((f) => f.name === name)?.id ?? name}}}`);
  const subject = named(body.data.subject);
  const bodyHtml = sanitizeEmailHtml(named(body.data.bodyHtml));
  assertTemplateVariables(subject, moduleFields, "subject");
  assertTemplateVariables(bodyHtml, moduleFields, "bodyHtml");
  const [template] = await db.insert(emailTemplates).values({ moduleId: body.data.moduleId, name: body.data.name, subject, bodyHtml, createdById: actor.id }).returning({ id: emailTemplates.id });
  return NextResponse.json({ id: template.id });
}
