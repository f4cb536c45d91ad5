import type { Pool, PoolClient } from "pg";
import type { Server } from "socket.io";

// Servers of this process that configureAdapter joined to other instances (tests run two in one process).
const joined = new WeakSet<Server>();

/**
 * Carries Socket.IO traffic between app instances: Redis when REDIS_URL is set, else PostgreSQL
 * (LISTEN/NOTIFY, nothing new to run) when DATABASE_URL is set; the embedded single-instance mode
 * keeps the in-memory default. Returns a function that closes the adapter's connections.
 */
export async function configureAdapter(io: Server): Promise<() => Promise<void>> {
  if (process.env.REDIS_URL) {
    const [{ createClient }, { createAdapter }] = await Promise.all([import("redis"), import("@socket.io/redis-adapter")]);
    const pub = createClient({ url: process.env.REDIS_URL });
    const sub = pub.duplicate();
    pub.on("error", (error) => console.error("redis adapter:", error));
    sub.on("error", (error) => console.error("redis adapter:", error));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    joined.add(io);
    return async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    };
  }
  if (process.env.DATABASE_URL) {
    const [{ default: pg }, { createAdapter }] = await Promise.all([import("pg"), import("@socket.io/postgres-adapter")]);
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    pool.on("error", (error) => console.error("postgres adapter:", error.message));
    releaseBrokenClients(pool);
    // Its socket_io_attachments table comes with our migrations (db/schema/realtime.ts).
    io.adapter(createAdapter(pool));
    joined.add(io);
    return () => pool.end();
  }
  return async () => {};
}

/** Whether configureAdapter joined this server to other instances (so server-side messages have someone to reach). */
export function usesClusterAdapter(io: Server): boolean {
  return joined.has(io);
}

/**
 * The PostgreSQL adapter checks out one client for LISTEN and never gives it back, not even when the
 * database closes it (a restart): each restart cost the pool (2 connections) one for good, until NOTIFY
 * waited forever for a free one and every broadcast — local ones too, which wait for the publish —
 * stopped. A checked-out client that fails is now released with its error (so the pool drops it);
 * the adapter then checks out a new one by itself.
 */
function releaseBrokenClients(pool: Pool): void {
  const listeners = new WeakMap<PoolClient, (error: Error) => void>();
  pool.on("acquire", (client) => {
    const onError = (error: Error) => {
      console.error("postgres adapter:", error.message);
      try {
        client.release(error);
      } catch {
        // released already, by the query that failed with it
      }
    };
    listeners.set(client, onError);
    client.on("error", onError);
  });
  pool.on("release", (_error, client) => {
    const onError = listeners.get(client);
    if (onError) client.off("error", onError);
    listeners.delete(client);
  });
}

