import path from "node:path";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Db } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies pending drizzle-kit migrations. Both drivers' migrators are the same code, so one serves both. */
export async function migrateDb(db: Db): Promise<void> {
  await migrate(db as unknown as PgliteDatabase<Record<string, unknown>>, { migrationsFolder });
}
