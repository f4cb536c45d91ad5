import type { InngestFunction } from "inngest";

/** Every Inngest function of the app, served by app/api/inngest/route.ts. Automations add theirs here. */
export const functions: InngestFunction.Any[] = [];
