import { describe, expect, test } from "vitest";
import type { Database, Queryable } from "@/lib/ports/database";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import { runEventReport } from "./event-report";
import { WAREHOUSE_TIME } from "./warehouse-time";

/*
 * The runner's choices and error mapping, with the engines' answers stood in for: which statement
 * reaches which engine, and what an engine's timeout becomes. (Real engines answering the same
 * statement alike is what retention/trends.integration.test.ts hold.)
 */

function fakeDb(opts: { complete?: boolean; fail?: { code: string } } = {}) {
  const seen: { sql: string; params?: readonly unknown[] }[] = [];
  const q: Queryable = {
    async query<T extends object>(sql: string, params?: readonly unknown[]) {
      seen.push({ sql, params });
      if (sql.includes("clickstream_columnar_objects")) return [{ complete: opts.complete ?? true }] as T[];
      if (opts.fail && !sql.startsWith("SET")) throw opts.fail;
      return [{ n: 1 }] as T[];
    },
  };
  const db = { ...q, kind: "pglite", transaction: (fn: (tx: Queryable) => Promise<unknown>) => fn(q) };
  return { db: db as unknown as Database, seen };
}

function fakeLake(fail?: { code: string }) {
  const seen: { sql: string; params: readonly unknown[] }[] = [];
  const engine = {
    dialect: { engine: "duckdb" },
    async query(sql: string, params: readonly unknown[]) {
      seen.push({ sql, params });
      if (fail) throw fail;
      return { rows: [{ n: 2 }], stats: { engineMs: 1, bytesScanned: null } };
    },
  } as unknown as LakeQueryEngine;
  const lake: EventLakeQuery = {
    time: WAREHOUSE_TIME,
    engine,
    eventsSource: (days) => `lake(${days.from}..${days.to})`,
    sessionsSource: (days) => `lake_sessions(${days.from}..${days.to})`,
    identitiesSource: () => "lake_identities",
    firstValue: (v) => `first(${v})`,
    valueAt: (v) => `at(${v})`,
  };
  return { lake, seen };
}

const scan = { from: "2026-11-02T00:00:00.000Z", to: "2026-11-09T00:00:00.000Z" };
const build = (events: { source: string }, p: { add(v: unknown): string }) =>
  `SELECT ${p.add("x")} AS a, ${p.add(7)} AS b, ${p.add("x")} AS c FROM ${events.source} e`;

describe("runEventReport", () => {
  test("auto reads the copy when it is complete, with the warehouse's $n placeholders as ? in order of use", async () => {
    const { db } = fakeDb({ complete: true });
    const { lake, seen } = fakeLake();
    const r = await runEventReport({ db, lake, path: "auto", scan, name: "The report", build });
    expect(r.rows).toEqual([{ n: 2 }]);
    expect(r.explain).toMatchObject({ path: "columnar", scanned: scan, params: ["x", 7, "x"] });
    expect(seen[0]?.sql).toBe("SELECT ? AS a, ? AS b, ? AS c FROM lake(2026-11-02..2026-11-09) e");
  });

  test("auto reads the warehouse when the copy is incomplete or absent; 'warehouse' always does", async () => {
    const incomplete = fakeDb({ complete: false });
    const r = await runEventReport({ db: incomplete.db, lake: fakeLake().lake, path: "auto", scan, name: "R", build });
    expect(r.explain.path).toBe("warehouse");
    expect(r.explain.reason).toMatch(/does not yet hold every loaded object/);
    expect(incomplete.seen.at(-1)).toEqual({
      sql: "SELECT $1 AS a, $2 AS b, $3 AS c FROM clickstream_events e",
      params: ["x", 7, "x"],
    });
    expect(incomplete.seen.map((s) => s.sql)).toContain("SET LOCAL statement_timeout = 20000");
    const none = await runEventReport({ db: fakeDb().db, path: "auto", scan, name: "R", build });
    expect(none.explain.reason).toMatch(/no columnar copy/);
    const asked = await runEventReport({
      db: fakeDb().db,
      lake: fakeLake().lake,
      path: "warehouse",
      scan,
      name: "R",
      build,
    });
    expect(asked.explain).toMatchObject({ path: "warehouse", reason: expect.stringMatching(/as asked/) });
  });

  test("asking for the copy where there is none is refused in words", async () => {
    await expect(runEventReport({ db: fakeDb().db, path: "columnar", scan, name: "R", build })).rejects.toMatchObject({
      code: "invalid_input",
      message: "This deployment has no columnar copy of the events to read.",
    });
  });

  test("either engine's timeout becomes query_timeout, named after the report; other errors pass through", async () => {
    const timeout = {
      code: "query_timeout",
      message: "The trend did not finish within 20 s over this range. Try fewer days or fewer filters.",
    };
    const pg = fakeDb({ fail: { code: "57014" } });
    await expect(
      runEventReport({ db: pg.db, path: "warehouse", scan, name: "The trend", build }),
    ).rejects.toMatchObject(timeout);
    const { lake } = fakeLake({ code: "cancelled" });
    await expect(
      runEventReport({ db: fakeDb().db, lake, path: "columnar", scan, name: "The trend", build }),
    ).rejects.toMatchObject(timeout);
    const broken = fakeDb({ fail: { code: "42P01" } });
    await expect(runEventReport({ db: broken.db, path: "warehouse", scan, name: "R", build })).rejects.toEqual({
      code: "42P01",
    });
  });
});
