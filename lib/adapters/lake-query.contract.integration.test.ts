import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { LakeParam, LakeQueryEngine } from "@/lib/ports/lake-query";
import type { TableName } from "@/lib/schemas/lake";
import { LAKE_ENGINE_TARGETS, type OpenLakeEngine } from "@/test/support/lake-engines";

const DAY = ["2026-11-20", "2026-11-20"];
const ms = (iso: string) => Date.parse(iso);
const isPlain = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);

/** Finding ids of the fixture day matching `where`, in id order. */
const idsWhere = async (lake: LakeQueryEngine, where: string, params: LakeParam[]) =>
  (
    await lake.query<{ finding_id: string }>(
      `SELECT finding_id FROM ${lake.dialect.table("findings")} WHERE dt BETWEEN ? AND ? AND ${where} ORDER BY finding_id`,
      [...DAY, ...params],
    )
  ).rows.map((r) => r.finding_id);

/** What each group of contract tests runs against: the target's engine, opened once per target. */
interface Suite {
  readonly lake: LakeQueryEngine;
  /** The FROM-clause source of a lake table, in the engine's dialect. */
  table(name: TableName, days?: { from: string; to: string }): string;
}

/** Rows, and the parameters that choose them. */
function rowTests(s: Suite) {
  test("a parameterized query returns its rows as typed values: numbers, strings, booleans and null", async () => {
    const { rows } = await s.lake.query(
      `SELECT finding_id, title, severity, severity_vendor, event_count, ${s.lake.dialect.epochMs("updated_at")} AS updated_ms,
        severity >= 5 AS high
       FROM ${s.table("findings")} WHERE dt BETWEEN ? AND ? ORDER BY finding_id`,
      DAY,
    );
    const columns = ["finding_id", "title", "severity", "severity_vendor", "event_count", "updated_ms", "high"];
    const expected = [
      ["f-1", "Port probe on i-01abc", 5, 5, 3, ms("2026-11-20T09:15:00.000Z"), true],
      [
        "f-2",
        "O'Brien's bucket is public; DROP TABLE findings; --",
        8,
        8.5,
        12e9,
        ms("2026-11-20T13:40:00.250Z"),
        true,
      ],
      ["f-3", "' OR '1'='1", 2, 2.25, 1, ms("2026-11-20T13:45:00.000Z"), false],
      ["f-4", null, null, null, null, ms("2026-11-20T23:59:59.999Z"), null],
    ];
    expect(rows).toEqual(expected.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]]))));
  });

  test("parameters are bound as values: quotes and SQL inside them are data", async () => {
    expect(await idsWhere(s.lake, "title = ?", ["O'Brien's bucket is public; DROP TABLE findings; --"])).toEqual([
      "f-2",
    ]);
    expect(await idsWhere(s.lake, "title = ?", ["' OR '1'='1"])).toEqual(["f-3"]);
    expect(await idsWhere(s.lake, "finding_id = ?", ["x' OR '1'='1"])).toEqual([]);
    expect(await idsWhere(s.lake, "finding_id = ?", ["f-1' --"])).toEqual([]);
    expect(await idsWhere(s.lake, s.lake.dialect.containsText("title"), ["o'brien"])).toEqual(["f-2"]);
    expect(await idsWhere(s.lake, "severity >= ?", [5])).toEqual(["f-1", "f-2"]);
    expect(await idsWhere(s.lake, "severity_vendor > ?", [2.2])).toEqual(["f-1", "f-2", "f-3"]);
    // A `?` inside a string literal is text, not a placeholder.
    const { rows } = await s.lake.query(
      `SELECT '?' AS mark, finding_id FROM ${s.table("findings")} WHERE finding_id = ?`,
      ["f-1"],
    );
    expect(rows).toEqual([{ mark: "?", finding_id: "f-1" }]);
    expect(await idsWhere(s.lake, "1 = ?", [1])).toEqual(["f-1", "f-2", "f-3", "f-4"]);
  });

  test("a timestamp column comes back as a plain JSON value", async () => {
    const { rows } = await s.lake.query(`SELECT updated_at FROM ${s.table("findings")} WHERE finding_id = ?`, ["f-1"]);
    expect(rows).toHaveLength(1);
    expect(isPlain(rows[0]?.updated_at)).toBe(true);
  });
}

/** Empty results and query stats. */
function emptyAndStatsTests(s: Suite) {
  test("a query matching nothing is an empty result, as is a table with no files yet", async () => {
    const none = ["1999-01-01", "1999-01-02"];
    const window = { from: "1999-01-01", to: "1999-01-02" };
    const read = async (sql: string, params: LakeParam[]) => (await s.lake.query(sql, params)).rows;
    expect(await read(`SELECT finding_id FROM ${s.table("findings")} WHERE dt BETWEEN ? AND ?`, none)).toEqual([]);
    expect(await read(`SELECT finding_id FROM ${s.table("findings", window)} WHERE dt BETWEEN ? AND ?`, none)).toEqual(
      [],
    );
    expect(await read(`SELECT count(*) AS n FROM ${s.table("cwlogs")}`, [])).toEqual([{ n: 0 }]);
    expect(await read(`SELECT * FROM ${s.table("vpcflow")} WHERE dt = ?`, ["2026-11-20"])).toEqual([]);
  });

  test("stats: engine time in milliseconds, and bytes scanned where the engine reports them", async () => {
    const { rows, stats } = await s.lake.query<{ n: number }>(
      `SELECT count(*) AS n FROM ${s.table("findings")} WHERE dt BETWEEN ? AND ?`,
      DAY,
    );
    expect(rows).toEqual([{ n: 4 }]);
    expect(Object.keys(stats).sort()).toEqual(["bytesScanned", "engineMs"]);
    expect(Number.isFinite(stats.engineMs) && stats.engineMs >= 0).toBe(true);
    if (stats.bytesScanned !== null) expect(Number.isInteger(stats.bytesScanned) && stats.bytesScanned > 0).toBe(true);
  });
}

/** Refused and cancelled queries. */
function failureTests(s: Suite) {
  test("a query the engine refuses rejects, and the engine answers the next one", async () => {
    await expect(
      s.lake.query(`SELECT no_such_column FROM ${s.table("findings")} WHERE dt = ?`, ["x"]),
    ).rejects.toThrow();
    expect(await idsWhere(s.lake, "finding_id = ?", ["f-3"])).toEqual(["f-3"]);
  });

  test("a query the engine refuses is query_failed", async () => {
    await expect(
      s.lake.query(`SELECT no_such_column FROM ${s.table("findings")} WHERE dt = ?`, ["x"]),
    ).rejects.toMatchObject({ code: "query_failed" });
  });

  test("a query whose signal aborts while it runs is cancelled, and the engine answers the next one", async () => {
    const ac = new AbortController();
    // Long enough to be running when the signal aborts (the Athena stand-in runs it on DuckDB too).
    const pending = s.lake.query("SELECT count(*) AS n FROM range(20000000000) t(i) WHERE i >= ?", [0], {
      signal: ac.signal,
    });
    setTimeout(() => ac.abort(), 100);
    await expect(pending).rejects.toMatchObject({ code: "cancelled" });
    expect(await idsWhere(s.lake, "finding_id = ?", ["f-1"])).toEqual(["f-1"]);
  });

  test("a query whose signal has already aborted is cancelled", async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(
      s.lake.query(`SELECT finding_id FROM ${s.table("findings")} WHERE finding_id = ?`, ["f-1"], {
        signal: ac.signal,
      }),
    ).rejects.toMatchObject({ code: "cancelled" });
  });
}

describe.each(LAKE_ENGINE_TARGETS)("LakeQueryEngine contract on $name", (target) => {
  let opened: OpenLakeEngine | undefined;
  beforeAll(async () => {
    opened = await target.open();
  });
  afterAll(async () => opened?.close());
  const suite: Suite = {
    get lake() {
      if (!opened) throw new Error("the engine opens before the suite's tests");
      return opened.engine;
    },
    table(name, days) {
      return this.lake.dialect.table(name, days);
    },
  };
  rowTests(suite);
  emptyAndStatsTests(suite);
  failureTests(suite);
});
