import { describe, expect, test } from "vitest";
import { ActivityQuery } from "@/lib/schemas/activity";
import { readableDialect } from "@/test/support/readable-dialect";
import { type ActivityResultRow, pageOfEvents } from "./activity-page";
import { activityFilter, buildActivityQuery } from "./activity-query";
import { resolveWindow } from "./lake-window";

const dialect = readableDialect;

const WINDOW = resolveWindow({ from: "2026-11-19T00:00:00Z", to: "2026-11-22T00:00:00Z" });
const WINDOW_PARAMS = ["2026-11-19", "2026-11-22", "2026-11-19 00:00:00.000", "2026-11-22 00:00:00.000"];
const filter = (input: Record<string, unknown>) =>
  activityFilter(dialect("duckdb"), ActivityQuery.parse(input), WINDOW);

describe("activityFilter", () => {
  test("a principal is matched exactly on the identity columns its form can be", () => {
    expect(filter({ principal: "arn:aws:iam::1:user/bob" }).parts.at(-1)).toBe(
      "user_arn = ? OR session_issuer_arn = ?",
    );
    expect(filter({ principal: "AKIAABCDEFGHIJKLMNOP" }).parts.at(-1)).toBe("access_key_id = ?");
    const byName = filter({ principal: "bob" });
    expect(byName.parts.at(-1)).toBe("user_name = ? OR session_issuer_user_name = ? OR principal_id = ?");
    expect(byName.params).toEqual([...WINDOW_PARAMS, "bob", "bob", "bob"]);
  });

  test("the other filters are equalities, in a fixed order after the window", () => {
    const w = filter({ region: "us-east-1", errorCode: "AccessDenied", eventName: "GetObject", sourceIp: "10.0.0.1" });
    expect(w.parts.slice(2)).toEqual(["event_name = ?", "source_ip_address = ?", "error_code = ?", "aws_region = ?"]);
    expect(w.params.slice(4)).toEqual(["GetObject", "10.0.0.1", "AccessDenied", "us-east-1"]);
  });
});

describe("buildActivityQuery", () => {
  const build = (input: Record<string, unknown>, engine: "duckdb" | "athena" = "duckdb") =>
    buildActivityQuery({
      dialect: dialect(engine),
      filter: ActivityQuery.parse(input),
      window: WINDOW,
      bucketMs: 3_600_000,
    });

  test("the filter is bound twice (light scan, heavy columns) around the page's own parameters", () => {
    const q = build({ eventName: "GetObject", limit: "10" });
    expect(q.params).toEqual([...WINDOW_PARAMS, "GetObject", ...WINDOW_PARAMS, "GetObject"]);
    expect(q.sql).toContain("ORDER BY ms DESC, source_key, source_ordinal LIMIT 11)");
    expect(q.sql).toContain("WITH e AS MATERIALIZED (");
    expect(build({}, "athena").sql).toContain("WITH e AS  (");
    expect(build({}, "athena").sql).toContain("FROM athena_cloudtrail[2026-11-19..2026-11-22] WHERE");
  });

  test("a cursor from the page mapper continues after the page's last event", () => {
    const ev = (key: string, ordinal: number, ms: number) =>
      ({ kind: "item", ms, source_key: key, source_ordinal: ordinal }) as ActivityResultRow;
    const page = pageOfEvents([ev("k1", 2, 100), ev("k1", 1, 100), ev("k0", 9, 50)], 2);
    const q = build({ cursor: page.nextCursor });
    expect(q.sql).toContain(
      "WHERE (ms < ? OR (ms = ? AND (source_key > ? OR (source_key = ? AND source_ordinal > ?))))",
    );
    expect(q.params).toEqual([...WINDOW_PARAMS, 100, 100, "k1", "k1", 2, ...WINDOW_PARAMS]);
  });

  test("the full record is read for the page's rows only, not in the scan every aggregate uses", () => {
    const q = build({});
    const [light = "", heavy = ""] = q.sql.split("pg AS");
    expect(heavy).toMatch(
      /h AS \(SELECT event_id AS event_id, .*user_agent AS user_agent, .*json\(any_arn\) AS any_arn/s,
    );
    expect(light).not.toMatch(/user_agent|request_parameters|any_arn/);
  });

  test("events are counted per bucket of the width asked for, over the whole filtered result", () => {
    const q = build({ eventName: "GetObject" });
    expect(q.sql).toContain("'bucket' AS kind");
    expect(q.sql).toContain("CAST(floor(ms / 3600000) * 3600000 AS BIGINT)");
    expect(q.sql).toMatch(/AS n FROM \(SELECT .* AS b FROM e\) t GROUP BY b$/);
  });

  test("a cursor of another shape is invalid input", () => {
    expect(() => build({ cursor: "bm90LWEtY3Vyc29y" })).toThrow(expect.objectContaining({ code: "invalid_input" }));
  });
});
