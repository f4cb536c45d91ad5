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
    pool.on("error", (error) => console.error("postgres adapter:", error));
    // The adapter keeps one client checked out for LISTEN and gives it no error listener: when the
    // database restarts, that client's error would be an uncaught exception. It reconnects by itself.
    pool.on("connect", (client) => client.on("error", (error) => console.error("postgres adapter:", error.message)));
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
