import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import type { PgDatabase } from "@/lib/db/pg-database";
import type { Principal } from "@/lib/schemas/auth";
import { DB_TARGETS, tempDir } from "@/test/support/databases";
import { lookupAwsIp } from "./aws-ip-ranges";
import { refreshAwsIpRanges } from "./refresh-aws-ip-ranges";

const admin: Principal = { id: "u1", email: "admin@sightline.local", roles: ["admins"] };
const analyst: Principal = { id: "u2", email: "analyst@sightline.local", roles: ["analysts"] };

const ranges = (syncToken: string, prefix: string) =>
  JSON.stringify({
    syncToken,
    createDate: "2026-12-04-21-13-07",
    prefixes: [{ ip_prefix: prefix, region: "eu-west-1", service: "EC2", network_border_group: "eu-west-1" }],
    ipv6_prefixes: [],
  });

/** A local stand-in for ip-ranges.amazonaws.com: `/ok` serves a file, anything else answers 503. */
let server: http.Server;
let base = "";
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/ok")
      res.writeHead(200, { "content-type": "application/json" }).end(ranges("200", "63.32.0.0/14"));
    else res.writeHead(503).end("down");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe.each(DB_TARGETS)("refreshAwsIpRanges on $name", (target) => {
  let db: PgDatabase;
  const dir = tempDir("aws-ip-refresh");
  const file = path.join(dir, "aws-ip-ranges.json");
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
  });
  afterAll(async () => db?.close());

  test("an admin re-reads the file on disk; lookups use it from then on; the refresh is audited", async () => {
    fs.writeFileSync(file, ranges("100", "34.224.0.0/12"));
    const info = await refreshAwsIpRanges({ ctx: { db, principal: admin, file } });
    expect(info).toMatchObject({ syncToken: "100", prefixes: 1, source: file });
    expect(await lookupAwsIp("34.228.10.20")).toMatchObject({ status: "ok", owners: [{ prefix: "34.224.0.0/12" }] });

    fs.writeFileSync(file, ranges("101", "3.248.0.0/13"));
    await refreshAwsIpRanges({ ctx: { db, principal: admin, file } });
    expect(await lookupAwsIp("34.228.10.20")).toMatchObject({ status: "ok", owners: [] });
    expect(await lookupAwsIp("3.250.1.1")).toMatchObject({ status: "ok", owners: [{ region: "eu-west-1" }] });

    const audit = await db.query<{ actor: string; detail: { syncToken: string } }>(
      "SELECT actor, detail FROM audit_log WHERE action = 'aws-ip-ranges.refresh' ORDER BY id",
    );
    expect(audit.map((a) => [a.actor, a.detail.syncToken])).toEqual([
      ["admin@sightline.local", "100"],
      ["admin@sightline.local", "101"],
    ]);
  });

  test("with a URL it downloads; an unreachable or refusing URL says so and keeps the ranges in use", async () => {
    const got = await refreshAwsIpRanges({ ctx: { db, principal: admin, url: `${base}/ok`, file } });
    expect(got).toMatchObject({ syncToken: "200", source: `${base}/ok` });

    await expect(refreshAwsIpRanges({ ctx: { db, principal: admin, url: `${base}/down`, file } })).rejects.toThrow(
      `Could not download the AWS IP ranges from ${base}/down: it answered HTTP 503`,
    );
    const closed = "http://127.0.0.1:9/ip-ranges.json";
    await expect(refreshAwsIpRanges({ ctx: { db, principal: admin, url: closed, file } })).rejects.toMatchObject({
      code: "unavailable",
      message: `Could not download the AWS IP ranges from ${closed}: it is unreachable`,
    });
    expect(await lookupAwsIp("63.33.1.1")).toMatchObject({ status: "ok", ranges: { syncToken: "200" } });
  });

  test("a missing file is a clear error, and only admins may refresh", async () => {
    const missing = path.join(dir, "none.json");
    await expect(refreshAwsIpRanges({ ctx: { db, principal: admin, file: missing } })).rejects.toThrow(
      `There is no AWS IP ranges file at ${missing}`,
    );
    await expect(refreshAwsIpRanges({ ctx: { db, principal: analyst, file } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(refreshAwsIpRanges({ ctx: { db, principal: null, file } })).rejects.toMatchObject({
      code: "unauthorized",
    });
  });
});
