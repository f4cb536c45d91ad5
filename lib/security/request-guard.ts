import { IncomingMessage, type ServerResponse } from "node:http";
import { actionBodyLimitBytes } from "./limits";
import { isAllowedOrigin, type OriginPolicy } from "./origin";

/**
 * Server actions, refused at the door (server.ts) with a plain 403 or 413 instead of the 500 and stack trace
 * Next gives them. A POST to anything but a route handler is a server action: with JavaScript a fetch carrying
 * `Next-Action`, without it a form post.
 */
const isActionPost = (req: IncomingMessage) => req.method === "POST" && !(req.url ?? "").startsWith("/api/");

function refuse(res: ServerResponse, status: 403 | 413, message: string) {
  // The unread rest of the body is drained by Node before the connection is reused, so the client gets to read this.
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  res.end(message);
}

/** Reads a body without a declared length, up to the limit; null when it is larger (the rest is discarded). */
function readUpTo(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData).off("end", onEnd).resume();
      resolve(null);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on("data", onData).on("end", onEnd).once("error", reject);
  });
}

/** The same request with its body already read: what Next gets after a chunked body was counted. */
function withBody(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  const headers = { ...req.headers, "content-length": String(body.length) };
  delete headers["transfer-encoding"];
  copy.headers = headers;
  copy.rawHeaders = Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)]));
  copy.push(body);
  copy.push(null);
  copy.complete = true; // else, once read, it counts as aborted and takes the connection down with it
  return copy;
}

/**
 * Lets a request through (possibly as a copy whose body was read here), or answers it and returns null:
 * 403 for a server action from a foreign origin, 413 for one whose body is over the limit — decided from
 * Content-Length before reading, or by counting a chunked body as it arrives.
 */
export async function admitRequest(
  req: IncomingMessage,
  res: ServerResponse,
  policy: OriginPolicy,
  limit = actionBodyLimitBytes,
): Promise<IncomingMessage | null> {
  if (!isActionPost(req)) return req;
  if (!isAllowedOrigin(req.headers, policy)) {
    refuse(res, 403, "Forbidden: this request comes from another site.");
    return null;
  }
  const tooLarge = () => refuse(res, 413, `Payload too large: at most ${limit / 1024 / 1024} MB.`);
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    if (Number(declared) > limit) {
      tooLarge();
      return null;
    }
    return req;
  }
  if (req.headers["transfer-encoding"] === undefined) return req; // no body
  const body = await readUpTo(req, limit);
  if (!body) {
    tooLarge();
    return null;
  }
  return withBody(req, body);
}
