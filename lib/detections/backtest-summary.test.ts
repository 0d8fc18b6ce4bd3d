import { describe, expect, test } from "vitest";
import type { LakeRow } from "@/lib/lake/tables";
import { backtestSpan, countPerDay, hoursOf, summarizeBacktest, topN } from "./backtest-summary";

const NOW = Date.parse("2026-11-20T13:25:00Z");
const at = (iso: string) => Date.parse(iso);

describe("backtestSpan", () => {
  test("N whole UTC days, the last one today up to now", () => {
    const s = backtestSpan(3, NOW);
    expect(s.days).toEqual(["2026-11-18", "2026-11-19", "2026-11-20"]);
    expect(new Date(s.fromMs).toISOString()).toBe("2026-11-18T00:00:00.000Z");
    expect(s.toMs).toBe(NOW);
  });
  test("one day is today", () => expect(backtestSpan(1, NOW).days).toEqual(["2026-11-20"]));
});

test("hoursOf lists every hour starting in the span, the current one included", () => {
  const hours = hoursOf({ fromMs: at("2026-11-20T10:00:00Z"), toMs: at("2026-11-20T12:30:00Z") });
  expect(hours.map((h) => new Date(h).toISOString().slice(11, 13))).toEqual(["10", "11", "12"]);
});

test("countPerDay keeps every day, zeros included, and ignores times outside the days", () => {
  const counts = countPerDay(
    ["2026-11-18", "2026-11-19", "2026-11-20"],
    [at("2026-11-18T23:59:59Z"), at("2026-11-20T00:00:00Z"), at("2026-11-20T10:00:00Z"), at("2026-11-17T10:00:00Z")],
  );
  expect([...counts]).toEqual([
    ["2026-11-18", 1],
    ["2026-11-19", 0],
    ["2026-11-20", 2],
  ]);
});

test("topN: highest counts first, ties by value, at most n", () => {
  const m = new Map([
    ["b", 2],
    ["a", 2],
    ["c", 5],
    ["d", 1],
  ]);
  expect(topN(m, 3)).toEqual([
    { value: "c", count: 5 },
    { value: "a", count: 2 },
    { value: "b", count: 2 },
  ]);
});

describe("summarizeBacktest", () => {
  const event = (id: string, time: string, who: string): [string, LakeRow] => [
    id,
    { event_id: id, event_time: at(time), event_name: "AssumeRole", user_arn: who, source_ip_address: "203.0.113.9" },
  ];
  const events = new Map([
    event("e1", "2026-11-19T10:00:00Z", "arn:alice"),
    event("e2", "2026-11-19T10:05:00Z", "arn:alice"),
    event("e3", "2026-11-20T09:00:00Z", "arn:bob"),
    event("e4", "2026-11-20T09:30:00Z", "arn:carol"),
  ]);
  const finding = (ids: string[], first: string, resource: string): LakeRow => ({
    matched_event_ids: ids,
    first_seen: at(first),
    event_count: ids.length,
    resource_id: resource,
    principal: null,
  });
  const findings = [
    finding(["e1", "e2"], "2026-11-19T10:00:00Z", "role/a"),
    finding(["e3"], "2026-11-20T09:00:00Z", "role/b"),
  ];
  const s = summarizeBacktest(["2026-11-19", "2026-11-20"], findings, events);

  test("hits are the matched events per day; findings count on the day they start", () => {
    expect(s.perDay).toEqual([
      { day: "2026-11-19", hits: 2, findings: 1 },
      { day: "2026-11-20", hits: 1, findings: 1 },
    ]);
    expect(s.hits).toBe(3);
    expect(s.wouldCreate).toBe(2);
  });
  test("top principals count matched events; top resources weigh findings by their events", () => {
    expect(s.topPrincipals).toEqual([
      { value: "arn:alice", count: 2 },
      { value: "arn:bob", count: 1 },
    ]);
    expect(s.topResources).toEqual([
      { value: "role/a", count: 2 },
      { value: "role/b", count: 1 },
    ]);
  });
  test("samples are the latest matched events, never an unmatched one", () => {
    expect(s.samples.map((x) => x.eventId)).toEqual(["e3", "e2", "e1"]);
    expect(s.samples[0]).toEqual({
      time: "2026-11-20T09:00:00.000Z",
      eventName: "AssumeRole",
      principal: "arn:bob",
      sourceAddress: "203.0.113.9",
      eventId: "e3",
    });
  });
});
