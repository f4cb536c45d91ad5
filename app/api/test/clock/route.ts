import { NextResponse } from "next/server";
import { z } from "zod";
import { setTestClock, systemClock, testClockEnabled } from "@/lib/clock";

/**
 * Test mode only (CRM_TEST_MODE=1): e2e stories move the server's clock to drive deadlines and
 * midnight without waiting. In any other mode this route does not exist.
 */
export async function POST(request: Request) {
  if (!testClockEnabled) return new NextResponse(null, { status: 404 });
  const body = z.object({ at: z.iso.datetime() }).safeParse(await request.json().catch(() => null));
  if (!body.success) return NextResponse.json({ error: "invalid_input" }, { status: 422 });
  setTestClock(new Date(body.data.at));
  return NextResponse.json({ now: systemClock.now().toISOString() });
}

export async function GET() {
  if (!testClockEnabled) return new NextResponse(null, { status: 404 });
  return NextResponse.json({ now: systemClock.now().toISOString() });
}
