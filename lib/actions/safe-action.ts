import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { can, type Action, type Actor, type Resource } from "@/lib/auth/permissions";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { announcingJobs } from "@/lib/jobs/wake";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; fields?: Record<string, string>; details?: Record<string, unknown> };

export type Ctx = { actor: Actor; db: Db; now: Date };
export type PublicCtx = { db: Db; now: Date };

type Input = FormData | Record<string, unknown> | null | undefined;

/** FormData → plain object; repeated keys become arrays, empty file inputs are dropped. */
export function formDataToObject(input: Input): Record<string, unknown> {
  if (!(input instanceof FormData)) return input ?? {};
  const out: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = input.getAll(key).filter((v) => !(v instanceof File && v.size === 0 && v.name === ""));
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

function toFailure(error: unknown): { ok: false; error: string; fields?: Record<string, string>; details?: Record<string, unknown> } {
  if (error instanceof z.ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) fields[issue.path.join(".")] ??= issue.message;
    return { ok: false, error: error.issues[0]?.message ?? "invalid_input", fields };
  }
  if (error instanceof DomainError) return { ok: false, error: error.code, fields: error.fields, details: error.details };
  console.error(error);
  return { ok: false, error: "unexpected" };
}

/** Zod messages are error codes; anything Zod says on its own becomes "invalid_input". */
function normaliseCodes(result: ReturnType<typeof toFailure>) {
  const isCode = (m: string) => /^[a-z][a-z0-9_-]*$/.test(m);
  const fields = Object.fromEntries(Object.entries(result.fields ?? {}).map(([k, v]) => [k, isCode(v) ? v : "invalid_input"]));
  return { ...result, error: isCode(result.error) ? result.error : "invalid_input", fields };
}

/**
 * The one way to write a server action for logged-in users: session → permission → zod → verb.
 * Usable with useActionState (prev state, FormData) and from code (null, object).
 */
export function authedAction<S extends z.ZodType, T>(
  options: { schema: S; permission: Action | ((input: z.infer<S>, actor: Actor) => [Action, Resource?]) },
  handler: (ctx: Ctx, input: z.infer<S>) => Promise<T>,
) {
  return async (_prev: unknown, raw: Input): Promise<ActionResult<T>> => {
    try {
      const actor = await getCurrentUser();
      if (!actor) return { ok: false, error: "unauthenticated" };
      // A fixed permission is checked before parsing, so a refused caller learns nothing from validation.
      if (typeof options.permission === "string" && !can(actor, options.permission)) return { ok: false, error: "forbidden" };
      const input = options.schema.parse(formDataToObject(raw));
      if (typeof options.permission === "function") {
        const [action, resource] = options.permission(input, actor);
        if (!can(actor, action, resource)) return { ok: false, error: "forbidden" };
      }
      const db = await getDb();
      // Jobs enqueued anywhere inside (an email, an automation's step runs) are announced once it committed.
      return { ok: true, data: await announcingJobs(() => handler({ actor, db, now: systemClock.now() }, input)) };
    } catch (error) {
      unstable_rethrow(error);
      return normaliseCodes(toFailure(error));
    }
  };
}

/** For the few actions that run without a session (setup, accepting an invitation). */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: (ctx: PublicCtx, input: z.infer<S>) => Promise<T>) {
  return async (_prev: unknown, raw: Input): Promise<ActionResult<T>> => {
    try {
      const input = schema.parse(formDataToObject(raw));
      return { ok: true, data: await handler({ db: await getDb(), now: systemClock.now() }, input) };
    } catch (error) {
      unstable_rethrow(error);
      return normaliseCodes(toFailure(error));
    }
  };
}
