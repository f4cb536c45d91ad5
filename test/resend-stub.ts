import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type StubRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };
/** What the stub answers to one POST /emails: by default 200 with a new id; a test can script failures. */
export type StubReply = { status: number; body: Record<string, unknown>; headers?: Record<string, string> } | null;

/**
 * A local HTTP server standing in for the Resend API (point RESEND_BASE_URL at `url`). Like Resend,
 * it remembers Idempotency-Keys: a repeated key gets the first answer and is not delivered again.
 * `deliveries` counts distinct deliveries per key, so a test can prove "exactly once".
 */
export async function startResendStub({ port = 0, reply }: { port?: number; reply?: (req: StubRequest, n: number) => StubReply | Promise<StubReply> } = {}) {
  const requests: StubRequest[] = [];
  const byKey = new Map<string, { id: string }>();
  const deliveries = new Map<string, number>();
  /** The To of each delivery, by key: who got it (bench:email checks that no address got two). */
  const deliveredTo = new Map<string, string>();
  let delivered = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      } catch {
        /* answered as a validation error below */
      }
      const entry: StubRequest = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
      if (!req.url?.startsWith("/_")) requests.push(entry);
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(payload));
      };
      if (req.method === "GET" && req.url === "/_stats") {
        // For a stub in another process (bench:email): what it received.
        return send(200, { requests: requests.length, delivered, distinct: deliveries.size, duplicates: [...deliveries.values()].filter((n) => n > 1).length });
      }
      if (req.method === "GET" && req.url === "/_deliveries") {
        // For bench:email: every delivered key with its count and To, so missing recipients can be named.
        return send(200, [...deliveries].map(([key, n]) => ({ key, n, to: deliveredTo.get(key) ?? "" })));
      }
      if (req.method !== "POST" || req.url !== "/emails") return send(404, { statusCode: 404, name: "not_found", message: "Not found" });
      const scripted = reply ? await reply(entry, requests.length) : null;
      if (scripted) return send(scripted.status, scripted.body, scripted.headers);
      const key = String(req.headers["idempotency-key"] ?? "");
      const earlier = key ? byKey.get(key) : undefined;
      if (earlier) return send(200, earlier);
      const answer = { id: randomUUID() };
      if (key) byKey.set(key, answer);
      deliveries.set(key || answer.id, (deliveries.get(key || answer.id) ?? 0) + 1);
      deliveredTo.set(key || answer.id, Array.isArray(body.to) ? body.to.map(String).join(", ") : String(body.to ?? ""));
      delivered++;
      send(200, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    deliveries,
    get delivered() {
      return delivered;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
