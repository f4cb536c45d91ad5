/* eslint-disable @typescript-eslint/no-unused-vars -- a stand-in: the bulk helper fills it in */
import type { Db } from "@/db/client";

/**
 * STAND-IN (helper "bulk" owns this file). Called by lib/email/deliver-email.ts inside the transaction
 * that writes a bulk email's final state, so the recipient's outcome and the run's counters move with it.
 */
export async function recordBulkOutcome(_tx: Db, _email: { id: string; runId: string | null }, _outcome: { sent: true } | { failed: string }): Promise<void> {}
