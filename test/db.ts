import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { openDb, pgliteDrizzle, type Db } from "@/db/client";
import { withDatabase } from "./global-setup";

export type TestDbKind = "pglite" | "postgres";
/** Which database this vitest project runs on (see vitest.config.ts). */
export const testDbKind: TestDbKind = process.env.CRM_TEST_DB === "postgres" ? "postgres" : "pglite";

let counter = 0;

/** A fresh, migrated database for one test file (or one test), closed and dropped after the file. */
export async function createTestDb(): Promise<Db> {
  if (testDbKind === "pglite") {
    const blob = new Blob([await readFile(inject("pgliteTemplate"))]);
    const client = await PGlite.create({ loadDataDir: blob, extensions: { pg_trgm } });
    afterAll(() => client.close());
    return pgliteDrizzle(client);
  }
  return (await createTestPostgres()).db;
}

/** PostgreSQL only: a fresh migrated database and its URL (for code that opens its own connections). */
export async function createTestPostgres(): Promise<{ db: Db; url: string }> {
  const url = process.env.TEST_DATABASE_URL!;
  const template = inject("pgTemplate")!;
  const name = `crm_t_${process.ppid}_${process.pid}_${Date.now()}_${counter++}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${template}"`);
  const databaseUrl = withDatabase(url, name);
  const conn = await openDb(databaseUrl);
  afterAll(async () => {
    await conn.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });
  return { db: conn.db, url: databaseUrl };
}
