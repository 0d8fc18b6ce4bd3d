import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import type { Database, Queryable } from "@/lib/ports/database";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import { FunnelQuery } from "@/lib/schemas/funnel";
import { queryColumnarFunnel, toPositional } from "./columnar-funnel";
import { runFunnel } from "./run-funnel";
import { WAREHOUSE_TIME } from "./warehouse-time";

const funnel = FunnelQuery.parse({
  steps: [{ event: "page_view" }, { event: "purchase", firstVisit: true }],
  windowMinutes: 30,
  from: "2026-11-10T00:00:00Z",
  to: "2026-11-11T00:00:00Z",
});

/** A lake whose engine answers with `answer` and remembers what it was asked. */
function fakeLake(answer: (signal: AbortSignal | undefined) => Promise<never> | Promise<{ rows: never[] }>) {
  const asked: { sql: string; params: readonly unknown[]; signal?: AbortSignal }[] = [];
  const engine = {
    dialect: { engine: "duckdb" },
    query: async (sql: string, params: readonly unknown[], opts?: { signal?: AbortSignal }) => {
      asked.push({ sql, params, signal: opts?.signal });
      return { ...(await answer(opts?.signal)), stats: { engineMs: 0, bytesScanned: null } };
    },
    close: async () => undefined,
  } as unknown as LakeQueryEngine;
  const lake: EventLakeQuery = {
    time: WAREHOUSE_TIME,
    engine,
    eventsSource: (d) => `events_for('${d.from}', '${d.to}')`,
    sessionsSource: (d) => `sessions_for('${d.from}', '${d.to}')`,
    firstValue: (v, order) => `first_of(${v} BY ${order.join(", ")})`,
    valueAt: (v, order, filter) => `value_at(${v} BY ${order.join(", ")} WHERE ${filter})`,
    identitiesSource: () => "identities_map",
  };
  return { lake, asked };
}

describe("queryColumnarFunnel", () => {
  test("the warehouse's statement over the copy's source for the scanned days, with `?` placeholders in order of use", async () => {
    const { lake, asked } = fakeLake(async () => ({ rows: [] }));
    await queryColumnarFunnel(lake, funnel);
    const [call] = asked;
    expect(call?.sql).toContain("FROM events_for('2026-11-09', '2026-11-12') e"); // range ± a session's day
    expect(call?.sql).not.toMatch(/\$\d/);
    expect(call?.sql.split("?").length).toBe((call?.params.length ?? 0) + 1);
    expect(call?.params).toContain("page_view");
    expect(call?.sql).toContain("is_first_visit = true"); // a schema boolean, written as a literal
    expect(call?.sql).toContain("first_of(pv BY ts, eid) AS pv"); // the engine's own aggregate
  });

  test("a session funnel by event and category reads the per-session summary of the sessions starting from the day before", async () => {
    const { lake, asked } = fakeLake(async () => ({ rows: [] }));
    const steps = [{ event: "page_view" }, { event: "product_view", category: "shoes" }];
    const r = await queryColumnarFunnel(lake, { ...funnel, steps });
    const sql = asked[0]?.sql ?? "";
    expect(r.summaryIneligible).toBeNull();
    expect(sql).toContain("FROM sessions_for('2026-11-09', '2026-11-10') s");
    expect(sql).not.toContain("events_for(");
    expect(asked[0]?.params).toContain("product_view\u001fshoes");
    expect(sql).not.toContain("s.session_id"); // nothing reads the units' ids: not read
    await queryColumnarFunnel(lake, { ...funnel, steps, exclusions: [{ event: "x", fromStep: 1, toStep: 2 }] });
    expect(asked[1]?.sql).toContain("s.session_id AS unit");
    // A step filtered by brand needs the events.
    const brand = await queryColumnarFunnel(lake, {
      ...funnel,
      steps: [{ event: "page_view" }, { event: "purchase", brand: "North" }],
    });
    expect(brand.summaryIneligible).toMatch(/other filters need the events/);
    expect(asked[2]?.sql).toContain("events_for(");
  });

  test("a person funnel with a breakdown joins the copy's identity map and takes each step's value with the engine's aggregate", async () => {
    const { lake, asked } = fakeLake(async () => ({ rows: [] }));
    await queryColumnarFunnel(lake, { ...funnel, unit: "person", breakdown: "category" });
    const sql = asked[0]?.sql ?? "";
    expect(sql).toContain("LEFT JOIN identities_map idn ON idn.client_id = e.client_id");
    expect(sql).toContain("coalesce(e.user_id, idn.user_id, e.client_id)");
    expect(sql).toContain("value_at(attr BY ts, eid WHERE s2)::text AS v2");
  });

  test("exclusions, time limits and attribution add no window function: one pass per unit, then a join with the exclusion events", async () => {
    const { lake, asked } = fakeLake(async () => ({ rows: [] }));
    const steps = Array.from({ length: 8 }, (_, i) => ({
      event: `step_${i + 1}`,
      ...(i ? { maxMinutesFromPrevious: 10 } : {}),
    }));
    await queryColumnarFunnel(lake, {
      ...funnel,
      steps,
      order: "any",
      unit: "person",
      breakdown: "brand",
      attribution: "last",
      exclusions: [{ event: "remove_from_cart", fromStep: 2, toStep: 7 }],
    });
    const sql = asked[0]?.sql ?? "";
    expect(sql).not.toMatch(/\bOVER\s*\(/i);
    expect(sql).toContain("JOIN xev ON xev.unit = l0.unit");
    // The exclusion events are read with the exclusion's predicate only.
    expect(sql).toMatch(/xev AS \(SELECT[\s\S]*?AND \(\(e\.event_name = \?\)\)\)/);
  });

  test("an engine interrupted by the funnel's time limit is `query_timeout`, as on Postgres", async () => {
    const { lake, asked } = fakeLake(async () => {
      throw new AppError("cancelled", "The query was cancelled");
    });
    await expect(queryColumnarFunnel(lake, funnel)).rejects.toMatchObject({
      code: "query_timeout",
      message: "The funnel did not finish within 20 s over this range. Try fewer days or fewer filters.",
    });
    expect(asked[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  test("Postgres cancelling the funnel at its statement timeout is the same `query_timeout`, said the same way", async () => {
    const set: string[] = [];
    const tx: Queryable = {
      async query<T extends object>(sql: string): Promise<T[]> {
        if (sql.startsWith("SET LOCAL")) {
          set.push(sql);
          return [];
        }
        throw Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" });
      },
    };
    const db = { ...tx, kind: "postgres", transaction: (fn: (t: Queryable) => Promise<unknown>) => fn(tx) };
    await expect(runFunnel(db as unknown as Database, { ...funnel, path: "raw" })).rejects.toMatchObject({
      code: "query_timeout",
      message: "The funnel did not finish within 20 s over this range. Try fewer days or fewer filters.",
    });
    expect(set).toContain("SET LOCAL statement_timeout = 20000");
  });
});

describe("toPositional", () => {
  test("a value used twice travels twice; only text and numbers travel", () => {
    expect(toPositional("a = $1 AND b < $2 AND c = $1", ["x", 3])).toEqual({
      sql: "a = ? AND b < ? AND c = ?",
      params: ["x", 3, "x"],
    });
    expect(() => toPositional("a = $1", [true])).toThrow(/not text or a number/);
  });
});
