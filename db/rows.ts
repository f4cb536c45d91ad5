import type { SQL } from "drizzle-orm";
import type { Db } from "./client";

/** The rows of a raw `db.execute`: postgres.js returns an array, PGlite an object with `rows`. */
export const rowsOf = <T = Record<string, unknown>>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);

/** Runs raw SQL and returns its rows, on either database. */
export const queryRows = async <T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> => rowsOf<T>(await db.execute(query));
