import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one database type the domain sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

type Connection = { db: Db; close: () => Promise<void>; kind: "pglite" | "postgres" };

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? ".data");
}

/** Opens a connection; callers normally want the shared one from getDb(). */
export async function openDb(url = process.env.DATABASE_URL): Promise<Connection> {
  if (url) {
    const client = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
    return { db: drizzlePostgres(client, { schema, casing: "snake_case" }) as unknown as Db, close: () => client.end(), kind: "postgres" };
  }
  const dir = path.join(dataDir(), "pglite");
  mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  return { db: pgliteDrizzle(client), close: () => client.close(), kind: "pglite" };
}

export function pgliteDrizzle(client: PGlite): Db {
  return drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db;
}

// One connection per process, shared by the custom server and Next's bundle (they load this module separately).
const globalForDb = globalThis as unknown as { __crmDb?: Promise<Connection> };

export function getConnection(): Promise<Connection> {
  globalForDb.__crmDb ??= openDb();
  return globalForDb.__crmDb;
}

export async function getDb(): Promise<Db> {
  return (await getConnection()).db;
}

export async function closeDb(): Promise<void> {
  const pending = globalForDb.__crmDb;
  globalForDb.__crmDb = undefined;
  if (pending) await (await pending).close();
}
