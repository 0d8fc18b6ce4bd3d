import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, test } from "vitest";
import { getEntityTimeline } from "@/lib/findings/entity-timeline";
import { getFinding } from "@/lib/findings/get-finding";
import { listFindings } from "@/lib/findings/list-findings";
import { searchActivity } from "@/lib/findings/search-activity";
import { listSuppressions } from "@/lib/findings/suppressions";
import type { Database } from "@/lib/ports/database";
import { AthenaLakeQuery, athenaDialect, athenaLiteral } from "./athena-lake-query";

const athena = mockClient(AthenaClient);
const engine = (over: Partial<ConstructorParameters<typeof AthenaLakeQuery>[0]> = {}) =>
  new AthenaLakeQuery({
    database: "sightline",
    workGroup: "sightline-wg",
    client: new AthenaClient({ region: "us-east-1" }),
    pollMs: 1,
    maxPollMs: 2,
    ...over,
  });

const succeeded = (bytes = 1_000_000) => ({
  QueryExecution: {
    Status: { State: "SUCCEEDED" as const },
    Statistics: { DataScannedInBytes: bytes, EngineExecutionTimeInMillis: 420 },
  },
});
const columns = (...cols: [string, string][]) => ({
  ColumnInfo: cols.map(([Name, Type]) => ({ Name, Type, Label: Name })),
});

beforeEach(() => athena.reset());

describe("AthenaLakeQuery", () => {
  test("starts in the workgroup with literal execution parameters and result reuse; pages results into typed rows", async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-1" });
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce({ QueryExecution: { Status: { State: "QUEUED" } } })
      .resolvesOnce({ QueryExecution: { Status: { State: "RUNNING" } } })
      .resolves(succeeded(2048));
    athena
      .on(GetQueryResultsCommand, { NextToken: undefined })
      .resolves({
        NextToken: "t2",
        ResultSet: {
          ResultSetMetadata: columns(["name", "varchar"], ["n", "bigint"], ["ok", "boolean"]),
          Rows: [
            { Data: [{ VarCharValue: "name" }, { VarCharValue: "n" }, { VarCharValue: "ok" }] },
            { Data: [{ VarCharValue: "a" }, { VarCharValue: "1" }, { VarCharValue: "true" }] },
          ],
        },
      })
      .on(GetQueryResultsCommand, { NextToken: "t2" })
      .resolves({ ResultSet: { Rows: [{ Data: [{}, { VarCharValue: "2" }, { VarCharValue: "false" }] }] } });

    const res = await engine().query("SELECT name, n, ok FROM t WHERE name = ? AND n > ?", ["it's", 3]);
    expect(res.rows).toEqual([
      { name: "a", n: 1, ok: true },
      { name: null, n: 2, ok: false },
    ]);
    expect(res.stats).toEqual({ engineMs: 420, bytesScanned: 2048 });
    const start = athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input;
    expect(start).toMatchObject({
      QueryString: "SELECT name, n, ok FROM t WHERE name = ? AND n > ?",
      WorkGroup: "sightline-wg",
      QueryExecutionContext: { Database: "sightline" },
      ExecutionParameters: ["'it''s'", "3"],
      ResultReuseConfiguration: { ResultReuseByAgeConfiguration: { Enabled: true, MaxAgeInMinutes: 15 } },
    });
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(3);
  });

  test("FAILED carries Athena's reason; CANCELLED is cancelled; throttling is rate_limited", async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-2" });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: { Status: { State: "FAILED", StateChangeReason: "HIVE_BAD_DATA: broken file" } },
    });
    await expect(engine().query("SELECT 1", [])).rejects.toMatchObject({
      code: "query_failed",
      message: expect.stringContaining("HIVE_BAD_DATA"),
    });

    athena.on(GetQueryExecutionCommand).resolves({ QueryExecution: { Status: { State: "CANCELLED" } } });
    await expect(engine().query("SELECT 1", [])).rejects.toMatchObject({ code: "cancelled" });

    const throttled = Object.assign(new Error("Rate exceeded"), { name: "TooManyRequestsException" });
    athena.on(StartQueryExecutionCommand).rejects(throttled);
    await expect(engine().query("SELECT 1", [])).rejects.toMatchObject({ code: "rate_limited" });
  });

  test("past the deadline, or when the caller goes away, the query is stopped", async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q-3" });
    athena.on(GetQueryExecutionCommand).resolves({ QueryExecution: { Status: { State: "RUNNING" } } });
    athena.on(StopQueryExecutionCommand).resolves({});
    await expect(engine({ deadlineMs: 20 }).query("SELECT 1", [])).rejects.toMatchObject({ code: "query_timeout" });
    expect(athena.commandCalls(StopQueryExecutionCommand)[0]?.args[0].input).toEqual({ QueryExecutionId: "q-3" });

    const ac = new AbortController();
    const pending = engine({ pollMs: 50, maxPollMs: 50 }).query("SELECT 1", [], { signal: ac.signal });
    setTimeout(() => ac.abort(), 10);
    await expect(pending).rejects.toMatchObject({ code: "cancelled" });
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(2);
  });

  test("literals: quotes doubled, numbers bare, non-finite refused", () => {
    expect(athenaLiteral("x'); DROP TABLE t; --")).toBe("'x''); DROP TABLE t; --'");
    expect(athenaLiteral(4.5)).toBe("4.5");
    expect(() => athenaLiteral(Number.NaN)).toThrow();
  });
});

describe("domain queries on Athena", () => {
  const INJECTIONS = ["' OR '1'='1", "x'); DROP TABLE findings; --"];
  const db = {
    query: async () => [],
    transaction: async () => undefined,
  } as unknown as Database;
  const principal = { id: "u", email: "analyst@sightline.local", roles: ["analysts" as const] };

  beforeEach(() => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q" });
    athena.on(GetQueryExecutionCommand).resolves(succeeded(50 * 1024 * 1024));
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: { ResultSetMetadata: columns(["x", "varchar"]), Rows: [{ Data: [{ VarCharValue: "x" }] }] },
    });
  });

  test("user input reaches Athena only as execution parameters; stats show bytes and estimated cost", async () => {
    const lake = engine();
    for (const s of INJECTIONS) {
      const page = await listFindings({
        ctx: { db, lake, principal },
        input: { type: s, resource: s, q: s, from: "2026-11-01", to: "2026-11-02" },
      });
      expect(page.stats).toMatchObject({ engine: "athena", prunedByTime: true, queries: 1 });
      expect(page.stats.bytesScanned).toBe(50 * 1024 * 1024);
      expect(page.stats.estimatedCostUsd).toBeCloseTo((50 * 1024 * 1024 * 5) / 1e12, 10);
      await searchActivity({ ctx: { db, lake, principal }, input: { principal: s, eventName: s, sourceIp: s } });
      await getEntityTimeline({ ctx: { db, lake, principal }, input: { kind: "ip", value: s } });
      await expect(getFinding({ ctx: { db, lake, principal }, id: s })).rejects.toMatchObject({ code: "not_found" });
    }
    const calls = athena.commandCalls(StartQueryExecutionCommand).map((c) => c.args[0].input);
    // Per injection: findings page, activity search, entity events + entity summary, finding by id.
    expect(calls.length).toBe(INJECTIONS.length * 5);
    for (const c of calls) {
      for (const s of INJECTIONS) expect(c.QueryString).not.toContain(s);
      expect(c.QueryString).toContain('"sightline"."');
      // Every query is pruned by time except the lookup of one finding by id (the UI says so).
      if (!c.QueryString?.includes("WHERE finding_id = ?")) expect(c.QueryString).toContain("dt BETWEEN ? AND ?");
      expect(c.QueryString?.split("?").length).toBe((c.ExecutionParameters?.length ?? 0) + 1);
    }
    const params = calls.flatMap((c) => c.ExecutionParameters ?? []);
    expect(params).toContain("'x''); DROP TABLE findings; --'");
    expect(params).toContain("'2026-11-01'");
  });

  test("the findings page reads its CTE twice on Athena (Trino inlines each reference): items, then facets and days in one grouping pass", async () => {
    await listFindings({ ctx: { db, lake: engine(), principal }, input: { from: "2026-11-01", to: "2026-11-02" } });
    const sql = athena.commandCalls(StartQueryExecutionCommand).at(-1)?.args[0].input.QueryString ?? "";
    expect(sql.match(/\bFROM cur\b/g)).toHaveLength(2);
  });

  test("suppression rule patterns reach Athena as escaped LIKE literals in the SELECT list (Athena takes `?` only in WHERE)", async () => {
    const rules = [
      {
        id: "sup-1",
        finding_type: "Recon*",
        resource: "i-0ab_%*",
        principal: null,
        reason: "x",
        expires_at: null,
        created_by: "a",
        created_at: new Date(),
        deleted_at: null,
      },
    ];
    const withRules = { ...db, query: async () => rules } as unknown as Database;
    const res = await listSuppressions({ ctx: { db: withRules, lake: engine(), principal } });
    expect(res.rules[0]?.findingType).toBe("Recon*");
    const start = athena.commandCalls(StartQueryExecutionCommand).at(-1)?.args[0].input;
    const sql = start?.QueryString ?? "";
    expect(sql).toContain("finding_type LIKE 'Recon%' ESCAPE");
    expect(sql).toContain("resource_id LIKE 'i-0ab\\_\\%%' ESCAPE");
    // Every remaining placeholder is in a WHERE clause, and each has its parameter.
    const select = sql.slice(0, sql.search(/\bWHERE\b/));
    expect(select).not.toContain("?");
    expect(sql.split("?").length - 1).toBe(start?.ExecutionParameters?.length ?? 0);
  });

  test("a rule pattern with quotes stays one string literal", async () => {
    const { suppressedBySql } = await import("@/lib/findings/suppressions");
    const sql = suppressedBySql([
      { id: "sup-'x", findingType: "a' OR '1'='1", resource: null, principal: null } as never,
    ]);
    expect(sql).toBe("CASE WHEN finding_type LIKE 'a'' OR ''1''=''1' ESCAPE '\\' THEN 'sup-''x' END");
  });
});

describe("athenaDialect", () => {
  const d = athenaDialect("sightline");
  test("reads a JSON text column's scalar with json_extract_scalar, the path as a quoted literal", () => {
    expect(d.jsonText("request_parameters", "$.policyArn")).toBe(
      "json_extract_scalar(request_parameters, '$.policyArn')",
    );
    expect(d.jsonText("resources", "$[0].it's")).toBe("json_extract_scalar(resources, '$[0].it''s')");
  });
  test("matches a regular expression literal with regexp_like", () => {
    expect(d.regexMatch("lower(user_agent)", "'^aws-cli/'")).toBe("regexp_like(lower(user_agent), '^aws-cli/')");
  });
});
