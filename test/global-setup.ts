import { writeFile, rm, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDb, pgliteDrizzle } from "@/db/client";
import { migrateDb } from "@/db/migrate";

/**
 * Migrates one template per run: a dumped PGlite data directory that each test file loads (~0.3 s),
 * and, when TEST_DATABASE_URL is set, a PostgreSQL template database that each file clones.
 */
export default async function setup(project: TestProject) {
  const onPostgres = project.config.env?.CRM_TEST_DB === "postgres";
  const dir = await mkdtemp(path.join(tmpdir(), "crm-test-"));
  const pglite = await PGlite.create({ extensions: { pg_trgm } });
  await migrateDb(pgliteDrizzle(pglite));
  const dump = await pglite.dumpDataDir("none");
  const dumpPath = path.join(dir, "template.tar");
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide("pgliteTemplate", dumpPath);

  const url = process.env.TEST_DATABASE_URL;
  let admin: postgres.Sql | undefined;
  let templateName: string | undefined;
  if (onPostgres && url) {
    admin = postgres(url, { max: 1, onnotice: () => {} });
    templateName = `crm_tmpl_${process.pid}_${Date.now()}`;
    await admin.unsafe(`create database "${templateName}"`);
    const templateUrl = withDatabase(url, templateName);
    const conn = await openDb(templateUrl);
    await migrateDb(conn.db);
    await conn.close();
    project.provide("pgTemplate", templateName);
  }

  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (admin && templateName) {
      // Test files drop their own databases; sweep any a crashed file left behind.
      const leftovers = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`crm_t_${process.pid}_%`}`;
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
      await admin.unsafe(`drop database if exists "${templateName}" with (force)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate?: string;
  }
}
