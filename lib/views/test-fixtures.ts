import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { views } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { emptyViewDefinition, type ViewDefinition } from "./definition";

/** For tests: a view row written straight into the table (any creator, shared or not, trashed or not). */
export async function seedView(
  db: Db,
  { moduleId, createdById, shared = false, name, definition = emptyViewDefinition(), position = 0, deletedAt = null }: {
    moduleId: string;
    createdById: string;
    shared?: boolean;
    name: string;
    definition?: ViewDefinition;
    position?: number;
    deletedAt?: Date | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(views)
    .values({ moduleId, createdById, shared, name, definition, position, deletedAt, deletedById: deletedAt ? createdById : null })
    .returning({ id: views.id });
  return row.id;
}

/** What a server action would answer for a refused call: the code, and the field errors by path (as lib/actions/safe-action.ts maps them). */
export async function refusal(run: Promise<unknown>): Promise<{ kind: string; code: string; fields: Record<string, string> }> {
  try {
    await run;
  } catch (error) {
    if (error instanceof ZodError) {
      const fields: Record<string, string> = {};
      for (const issue of error.issues) fields[issue.path.join(".")] ??= issue.message;
      return { kind: "invalid", code: error.issues[0]?.message ?? "invalid_input", fields };
    }
    if (error instanceof DomainError) return { kind: error.kind, code: error.code, fields: error.fields };
    throw error;
  }
  throw new Error("expected a refusal, but it succeeded");
}
