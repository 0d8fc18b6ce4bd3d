// GET /t.js — the clickstream tracker (public; a stable URL, cached for an hour, revalidated by ETag)
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const source = fs.readFileSync(path.join(process.cwd(), "lib/tracker/t.js"), "utf8");
const etag = `"${createHash("sha256").update(source).digest("base64url").slice(0, 16)}"`;

export function GET(req: Request) {
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { etag } });
  return new Response(source, {
    headers: {
      "content-type": "application/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600, stale-while-revalidate=86400",
      etag,
    },
  });
}
