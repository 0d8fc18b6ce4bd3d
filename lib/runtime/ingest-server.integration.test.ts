import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { clickstreamRawDir } from "@/lib/adapters/compose/stores";
import { FsObjectStore } from "@/lib/adapters/local/fs-object-store";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import { loadEnv } from "@/lib/env";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import { startIngestServer } from "./ingest-server";

const env = loadEnv({ SIGHTLINE_DATA_DIR: tempDir("ingest-listener"), PORT: "3999" });
const APP = "http://localhost:3999";
const UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36";
let db: PgDatabase;
let server: Awaited<ReturnType<typeof startIngestServer>>;
let url: string;

beforeAll(async () => {
  db = await (DB_TARGETS[0] as (typeof DB_TARGETS)[number]).open();
  await migrate(db);
  server = await startIngestServer({ env, db, port: 0 });
  url = `http://127.0.0.1:${server.port}/api/collect`;
});
afterAll(async () => {
  await server.close();
  await db.close();
});

const ev = () => ({
  eventId: randomUUID(),
  eventName: "page_view",
  timestamp: Date.now(),
  clientId: "c",
  sessionId: "s",
});
const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", body, headers: { origin: APP, "user-agent": UA, ...headers } });

test("a batch from the app's origin is stored (raw object fsynced before the 200) with CORS for that origin", async () => {
  const res = await post(JSON.stringify({ events: [ev(), ev(), { eventName: "x" }] }));
  expect(res.status).toBe(200);
  expect(res.headers.get("access-control-allow-origin")).toBe(APP);
  const body = (await res.json()) as { accepted: number; rejected: { index: number }[]; object: string };
  expect(body.accepted).toBe(2);
  expect(body.rejected.map((r) => r.index)).toEqual([2]);
  const text = Buffer.from(await new FsObjectStore(clickstreamRawDir(env)).get(body.object)).toString();
  expect(text.trim().split("\n")).toHaveLength(2);
});

test("preflight, other origins, oversize bodies, bots and other paths get their documented answers", async () => {
  const pre = await fetch(url, { method: "OPTIONS", headers: { origin: APP } });
  expect(pre.status).toBe(204);
  expect((await post(JSON.stringify({ events: [ev()] }), { origin: "https://evil.example" })).status).toBe(403);
  expect((await post(JSON.stringify({ events: [ev()], pad: "x".repeat(400_000) }))).status).toBe(413);
  expect((await post("not json")).status).toBe(422);
  expect((await post(JSON.stringify({ events: [ev()] }), { "user-agent": "curl/8.5" })).status).toBe(202);
  expect((await fetch(url.replace("/api/collect", "/other"), { method: "POST", body: "{}" })).status).toBe(404);
});
