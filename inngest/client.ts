import { Inngest } from "inngest";

/**
 * The Inngest client; delayed automation steps (SPEC §8) register their functions in inngest/index.ts.
 * Keys come from the environment (INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY; INNGEST_BASE_URL for a
 * self-hosted `inngest start`; INNGEST_DEV=1 for the local dev server).
 */
export const inngest = new Inngest({ id: "realtime-crm" });

/** Production mode: both keys set. Then every enqueued job is also sent as an Inngest event. */
export const inngestConfigured = (env: Record<string, string | undefined> = process.env) => Boolean(env.INNGEST_EVENT_KEY && env.INNGEST_SIGNING_KEY);
