import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { userAvatars, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDb } from "@/test/db";
import { avatarMaxBytes } from "./rules";
import { getAvatar } from "./get-avatar";
import { getProfile } from "./get-profile";
import { removeAvatar } from "./remove-avatar";
import { setAvatar } from "./set-avatar";

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A real 1×1 PNG (one blue pixel), optionally padded with a private chunk to reach a size. */
function tinyPng(padTo = 0): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "latin1");
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.from([0, 0x3b, 0x5b, 0xdb])))];
  const size = parts.reduce((n, p) => n + p.length, 0) + 12;
  if (padTo > size) parts.push(chunk("prVt", Buffer.alloc(padTo - size - 12)));
  return Buffer.concat([...parts, chunk("IEND", Buffer.alloc(0))]);
}

/** A real 8×8 grey baseline JPEG: one all-zero block, one-symbol Huffman tables. */
function tinyJpeg(): Buffer {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const huffman = (tableClass: number) => [tableClass, 1, ...Array<number>(15).fill(0), 0];
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0, ...Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
    ...segment(0xc4, huffman(0x00)),
    ...segment(0xc4, huffman(0x10)),
    ...segment(0xda, [1, 1, 0, 0, 0x3f, 0]),
    0x3f,
    0xff, 0xd9,
  ]);
}

const file = (bytes: Buffer | string, name: string, type: string) => new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type });

describe("profile picture", async () => {
  const db = await createTestDb();
  const t0 = new Date("2026-03-02T09:00:00Z");
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  const [anna, bela] = await db
    .insert(users)
    .values([
      { email: "anna@acme.test", firstName: "Anna", lastName: "Kovács" },
      { email: "bela@acme.test", firstName: "Béla", lastName: "Nagy", role: "admin" },
    ])
    .returning();
  const ctx = (u: typeof anna, now = t0) => ({ actor: { ...u, groupIds: [] } satisfies Actor, db, now });
  const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
  /** The stored pictures, with a digest in place of the bytes (comparing megabytes element by element is slow). */
  const stored = async () => (await db.select().from(userAvatars)).map(({ data, ...row }) => ({ ...row, sha256: sha256(data) }));

  it("accepts a real PNG and stores it with the type found in its content", async () => {
    const png = tinyPng();
    expect(await setAvatar(ctx(anna), { userId: anna.id, file: file(png, "me.png", "image/png") })).toEqual({
      userId: anna.id,
      mimeType: "image/png",
      updatedAt: t0,
    });
    expect(await stored()).toEqual([{ userId: anna.id, mimeType: "image/png", sha256: sha256(png), updatedAt: t0 }]);
    expect((await getProfile(ctx(anna), { userId: anna.id })).avatar).toEqual({ updatedAt: t0 });
  });

  it("replaces it with a real JPEG, whatever the file's name and the browser's type say", async () => {
    const jpeg = tinyJpeg();
    await setAvatar(ctx(anna, at(1)), { userId: anna.id, file: file(jpeg, "photo.png", "application/octet-stream") });
    expect(await stored()).toEqual([{ userId: anna.id, mimeType: "image/jpeg", sha256: sha256(jpeg), updatedAt: at(1) }]);
  });

  it("refuses a text file renamed .png, an oversized image and an empty file, keeping the previous picture", async () => {
    const before = await stored();
    const refuse = (f: File, code: string) =>
      expect(setAvatar(ctx(anna, at(2)), { userId: anna.id, file: f })).rejects.toMatchObject(
        code === "avatar_not_image" ? { code, fields: { file: code } } : { issues: [{ path: ["file"], message: code }] },
      );
    await refuse(file("just some text, not a picture", "avatar.png", "image/png"), "avatar_not_image");
    await refuse(file('<svg xmlns="http://www.w3.org/2000/svg"/>', "avatar.svg", "image/svg+xml"), "avatar_not_image");
    await refuse(file(tinyPng(avatarMaxBytes + 1), "huge.png", "image/png"), "avatar_too_large");
    await refuse(file(Buffer.alloc(0), "empty.png", "image/png"), "required");
    await expect(setAvatar(ctx(anna), { userId: anna.id } as never)).rejects.toMatchObject({ issues: [{ message: "required" }] });
    expect(await stored()).toEqual(before);
  });

  it("accepts an image of exactly the maximum size", async () => {
    const png = tinyPng(avatarMaxBytes);
    expect(png.length).toBe(avatarMaxBytes);
    await setAvatar(ctx(anna, at(3)), { userId: anna.id, file: file(png, "big.png", "image/png") });
    expect(await stored()).toEqual([{ userId: anna.id, mimeType: "image/png", sha256: sha256(png), updatedAt: at(3) }]);
  });

  it("does not let anyone set or remove someone else's picture", async () => {
    const before = await stored();
    await expect(setAvatar(ctx(bela), { userId: anna.id, file: file(tinyPng(), "x.png", "image/png") })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(removeAvatar(ctx(bela), { userId: anna.id })).rejects.toMatchObject({ kind: "forbidden" });
    expect(await stored()).toEqual(before);
  });

  it("serves the picture to any user, skipping the bytes when the caller has the current version", async () => {
    const anyone = ctx(bela);
    const current = await getAvatar(anyone, { userId: anna.id });
    expect(current).toMatchObject({ kind: "file", mimeType: "image/png", version: String(at(3).getTime()) });
    if (current.kind !== "file") throw new Error("expected a file");
    expect(sha256(current.data)).toBe((await stored())[0].sha256);
    expect(await getAvatar(anyone, { userId: anna.id, ifNoneMatch: current.etag })).toEqual({ kind: "not_modified", etag: current.etag, version: current.version });
    expect(await getAvatar(anyone, { userId: anna.id, ifNoneMatch: `"other", W/${current.etag}` })).toMatchObject({ kind: "not_modified" });
    expect(await getAvatar(anyone, { userId: anna.id, ifNoneMatch: '"stale"' })).toMatchObject({ kind: "file" });
    expect(await getAvatar(anyone, { userId: bela.id })).toEqual({ kind: "none" });
    expect(await getAvatar(anyone, { userId: "not-a-uuid" })).toEqual({ kind: "none" });
  });

  it("removes the picture", async () => {
    expect(await removeAvatar(ctx(anna), { userId: anna.id })).toEqual({ userId: anna.id, removed: true });
    expect(await stored()).toEqual([]);
    expect((await getProfile(ctx(anna), { userId: anna.id })).avatar).toBeNull();
    expect(await removeAvatar(ctx(anna), { userId: anna.id })).toEqual({ userId: anna.id, removed: false });
  });
});
