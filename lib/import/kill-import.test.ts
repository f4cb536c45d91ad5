import { spawn, type ChildProcess } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { imports } from "@/db/schema";
import { ctx, seedCrm } from "@/test/crm-fixtures";
import { createTestPostgres, testDbKind } from "@/test/db";
import { createImport } from "./create-import";
import { startImport } from "./start-import";

const rows = 30_000;

/**
 * A real job runner process imports 30,000 rows (a card, a company and a person each), is killed with
 * SIGKILL midway, and a new process resumes after the dead one's lease ran out. At the kill, the
 * database holds exactly the committed batches (every card whole: its two contacts, links, history
 * and report row); at the end every row is imported exactly once.
 */
describe.runIf(testDbKind === "postgres")("kill -9 of an import mid-run (PostgreSQL)", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  });

  it(
    "resumes from the last committed batch, never half a card",
    async () => {
      const { db, url } = await createTestPostgres();
      const crm = await seedCrm(db);
      const lines = ["Név;Cég;Cég e-mail;Kapcsolattartó;E-mail;Budget"];
      for (let i = 0; i < rows; i++) lines.push(`Ügylet ${i};Cég ${i} Kft.;ceg${i}@x.hu;Személy ${i};szemely${i}@x.hu;${i},50`);
      const bytes = Buffer.from(lines.join("\n") + "\n");
      const { importId } = await createImport(ctx(db, crm.actors.admin, new Date()), {
        target: "cards",
        moduleId: crm.module.id,
        fileName: "kill.csv",
        format: "file",
        source: (async function* () {
          yield bytes;
        })(),
      });
      await startImport(ctx(db, crm.actors.admin, new Date()), importId);

      const start = () => {
        const child = spawn(process.execPath, ["--import", "tsx", "lib/jobs/run-worker.ts"], {
          env: { ...process.env, DATABASE_URL: url, JOB_LEASE_MS: "1500", NODE_ENV: "production" },
          stdio: ["ignore", "pipe", "pipe"],
        });
        child.stderr!.on("data", (d: Buffer) => process.stderr.write(d));
        children.push(child);
        return child;
      };
      const doneRows = async () => (await db.select({ n: imports.doneRows }).from(imports).where(eq(imports.id, importId)))[0].n;
      const whole = async () => {
        const [r] = (await db.execute(sql`
          select (select count(*)::int from cards where module_id = ${crm.module.id}::uuid) as cards,
                 (select count(*)::int from contacts) as contacts,
                 (select count(*)::int from card_contacts) as links,
                 (select count(*)::int from history where kind = 'card_created') as created,
                 (select count(*)::int from import_rows where import_id = ${importId}::uuid) as report,
                 (select done_rows from imports where id = ${importId}::uuid) as done`)) as unknown as { cards: number; contacts: number; links: number; created: number; report: number; done: number }[];
        return r;
      };

      const first = start();
      await expect.poll(doneRows, { timeout: 120_000, interval: 20 }).toBeGreaterThanOrEqual(5000);
      first.kill("SIGKILL");
      await new Promise((r) => first.once("exit", r));
      const atKill = await whole();
      expect(atKill.done).toBeLessThan(rows); // really midway
      expect(atKill.done % 1000).toBe(0); // whole batches only
      expect(atKill).toEqual({ cards: atKill.done, contacts: 2 * atKill.done, links: 2 * atKill.done, created: atKill.done, report: atKill.done, done: atKill.done });

      const second = start();
      await expect.poll(async () => (await db.select({ s: imports.state }).from(imports).where(eq(imports.id, importId)))[0].s, { timeout: 150_000, interval: 200 }).toBe("done");
      second.kill("SIGTERM");
      await new Promise((r) => second.once("exit", r));
      expect(await whole()).toEqual({ cards: rows, contacts: 2 * rows, links: 2 * rows, created: rows, report: rows, done: rows });
      const [dupes] = (await db.execute(sql`select count(*)::int as n from (select name from cards group by name having count(*) > 1) d`)) as unknown as { n: number }[];
      expect(dupes.n).toBe(0);
      const [record] = await db.select().from(imports).where(eq(imports.id, importId));
      expect(record.totals).toEqual({ rows, created: rows, updated: 0, skipped: 0, bad: 0 });
      console.log(`kill -9: ${atKill.done} rows committed at the kill; resumed to ${rows}`);
    },
    300_000,
  );
});
