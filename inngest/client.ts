import { Inngest } from "inngest";

/** The Inngest client; delayed automation steps (SPEC §8) register their functions in inngest/index.ts. */
export const inngest = new Inngest({ id: "realtime-crm" });
