import { closeDb, getConnection } from "./client";
import { migrateDb } from "./migrate";

const { db, kind } = await getConnection();
await migrateDb(db);
await closeDb();
console.log(`Migrations applied (${kind}).`);
