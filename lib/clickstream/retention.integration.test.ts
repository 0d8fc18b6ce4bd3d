import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RetentionQuery, type RetentionQueryInput, type RetentionResult } from "@/lib/schemas/retention";
import { expectSameAnswer } from "@/test/support/both-engines";
import { DB_TARGETS } from "@/test/support/databases";
import {
  type LoadedEvents,
  loadEvents,
  P0,
  RETENTION_NOW,
  retentionEvents,
  retentionLate,
  W,
  W0,
} from "@/test/support/retention-events";
import { getRetention } from "./get-retention";
import { computeRetention } from "./retention";

/*
 * The hand-built events of test/support/retention-events.ts, loaded by the ETL into the warehouse
 * and its columnar copy: every retention query must come out the same from Postgres and DuckDB,
 * with the figures worked out by hand next to the events.
 */
describe.each(DB_TARGETS)("retention on the warehouse = on the columnar copy, on $name", (target) => {
  let loaded: LoadedEvents;
  beforeAll(async () => {
    loaded = await loadEvents(target, retentionEvents, W0 + 5 * W);
  });
  afterAll(async () => {
    await loaded?.close();
  });

  const q = (over: Partial<RetentionQueryInput> = {}) =>
    RetentionQuery.parse({ period: "week", periods: 5, start: "2026-10-05", unit: "client", ...over });
  /** The same query from Postgres and from the columnar copy: identical answers. */
  const both = async (input: RetentionQuery, now = RETENTION_NOW): Promise<RetentionResult> => {
    const pg = await computeRetention(loaded.db, { ...input, path: "warehouse" }, { lake: loaded.lake, now });
    const duck = await computeRetention(loaded.db, { ...input, path: "columnar" }, { lake: loaded.lake, now });
    // By client, on any event or one named event, the copy answers from its per-session summary.
    const byName = (m: object) => Object.keys(m).every((k) => k === "event");
    const summary = input.unit === "client" && byName(input.cohortEvent) && byName(input.returnEvent);
    expect(duck.explain.reason).toContain(summary ? "per-session summary" : "copy of the events");
    return expectSameAnswer(pg, duck);
  };
  const counts = (r: RetentionResult) => r.cohorts.map((c) => c.cells.map((x) => x.count));
  const states = (r: RetentionResult) => r.cohorts.map((c) => c.cells.map((x) => x.state[0]).join(""));

  test("weekly cohorts by first event; b back in week 2 but not week 1; unfinished weeks are not 0%", async () => {
    const r = await both(q());
    expect(r.start).toBe("2026-10-05");
    expect(r.cohorts.map((c) => [c.start, c.size])).toEqual([
      ["2026-10-05", 5],
      ["2026-10-12", 2],
      ["2026-10-19", 1],
      ["2026-10-26", 1],
      ["2026-11-02", 0],
    ]);
    // Cohort 0 (a b c d j): week 1 a d j; week 2 a b (c's visit is in the late object, not loaded yet); week 3 d so far.
    expect(counts(r)).toEqual([[5, 3, 2, 1, null], [2, 1, 0, null], [1, 1, null], [1, null], [null]]);
    // complete, in progress (week 3 is running), not started (week 4).
    expect(states(r)).toEqual(["cccin", "ccin", "cin", "in", "n"]);
    expect(r.cohorts[0]?.cells[1]?.share).toBeCloseTo(3 / 5);
    // Average over cohorts whose week at that offset has ended, weighted by size.
    expect(r.average.map((a) => [a.share, a.cohorts])).toEqual([
      [1, 3],
      [(3 + 1) / (5 + 2), 2],
      [2 / 5, 1],
      [null, 0],
      [null, 0],
    ]);
  });

  test("a late event in a later object changes a figure: c's week-2 visit", async () => {
    await loaded.loadLate(retentionLate);
    const r = await both(q());
    expect(counts(r)[0]).toEqual([5, 3, 3, 1, null]);
    expect(r.average[2]?.share).toBe(3 / 5);
  });

  test("a chosen return event with a property filter, and a chosen cohort event", async () => {
    const purchase = await both(q({ returnEvent: { event: "purchase" } }));
    expect(counts(purchase).slice(0, 2)).toEqual([
      [5, 0, 1, 0, null],
      [2, 1, 0, null],
    ]);
    const shoes = await both(q({ returnEvent: { event: "purchase", category: "shoes" } }));
    expect(counts(shoes).slice(0, 2)).toEqual([
      [5, 0, 1, 0, null],
      [2, 0, 0, null],
    ]);
    // First purchase: a and e, both in week 2; neither back in week 3 so far.
    const buyers = await both(q({ cohortEvent: { event: "purchase" } }));
    expect(buyers.cohorts.map((c) => c.size)).toEqual([0, 0, 2, 0, 0]);
    expect(counts(buyers)[2]).toEqual([2, 0, null]);
    expect(buyers.cohorts[0]?.cells[1]?.share).toBeNull();
  });

  test("users: only logged-in events count, a and d are the same user", async () => {
    const r = await both(q({ unit: "user" }));
    expect(r.cohorts.map((c) => c.size)).toEqual([1, 1, 0, 0, 0]);
    expect(counts(r).slice(0, 2)).toEqual([
      [1, 1, 1, 1, null],
      [1, 1, 0, null],
    ]);
  });

  test("daily periods: the boundary millisecond belongs to the day it ends; everything is complete later on", async () => {
    const r = await both(q({ period: "day", periods: 14 }), W0 + 10 * W);
    expect(r.cohorts.map((c) => c.size)).toEqual([1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0]);
    expect(r.cohorts[1]?.cells[7]?.count).toBe(1); // a: day 1, back on day 8
    expect(r.cohorts[3]?.cells[6]?.count).toBe(1); // d: day 3, back on day 9
    expect(r.cohorts[6]?.cells[1]?.count).toBe(1); // j: the last ms of day 6, back at the first of day 7
    expect(r.cohorts.every((c) => c.cells.every((x) => x.state === "complete"))).toBe(true);
  });

  test("a weekly report starts on the Monday on or before the day asked", async () => {
    const r = await both(q({ start: "2026-10-08" }));
    expect(r.start).toBe("2026-10-05");
    expect(r.explain.scanned).toEqual({
      from: new Date(W0).toISOString(),
      to: new Date(W0 + 5 * W).toISOString(),
    });
  });

  test("auto: the columnar copy answers when it holds every loaded object, the warehouse when not", async () => {
    const admin = { id: "a", email: "admin@sightline.local", roles: ["admins" as const] };
    const ctx = { db: loaded.db, principal: admin, eventLake: loaded.lake };
    expect((await getRetention({ ctx, input: q() })).explain.path).toBe("columnar");
    expect((await getRetention({ ctx: { ...ctx, eventLake: undefined }, input: q() })).explain.path).toBe("warehouse");
    await loaded.db.query("UPDATE clickstream_columnar_objects SET published_at = NULL");
    const fallback = await getRetention({ ctx, input: q() });
    expect(fallback.explain.path).toBe("warehouse");
    expect(fallback.explain.reason).toMatch(/does not yet hold every loaded object/);
    await loaded.db.query("UPDATE clickstream_columnar_objects SET published_at = now()");
  });

  test("only admins may read retention", async () => {
    const analyst = { id: "b", email: "analyst@sightline.local", roles: ["analysts" as const] };
    await expect(getRetention({ ctx: { db: loaded.db, principal: analyst }, input: q() })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(getRetention({ ctx: { db: loaded.db, principal: null }, input: q() })).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  test("people: a browser's anonymous visits count for the account it later signs in to", async () => {
    const at = (unit: RetentionQuery["unit"]) =>
      both(q({ unit, start: new Date(P0).toISOString().slice(0, 10), periods: 3 }), P0 + 4 * W);
    const person = await at("person");
    expect(person.cohorts.map((c) => c.size)).toEqual([1, 0, 0]);
    expect(counts(person)).toEqual([[1, 1, 1], [0, 0], [0]]);
    // The same events without the merge: u9 starts a week later, and the two browsers are two clients.
    expect(counts(await at("user"))).toEqual([[0, 0, 0], [1, 1], [0]]);
    expect(counts(await at("client"))).toEqual([[1, 1, 0], [0, 0], [1]]);
  });
});
