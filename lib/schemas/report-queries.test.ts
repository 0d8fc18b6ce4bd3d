import { describe, expect, test } from "vitest";
import type { z } from "zod";
import { describeAllIssues } from "./issue-sentences";
import { RetentionQuery } from "./retention";
import { TrendsQuery } from "./trends";

const messageFor = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected the input to be refused");
  return describeAllIssues(r.error.issues);
};

describe("RetentionQuery", () => {
  test("defaults: eight weeks of clients, any event in and any event back, the engine chosen automatically", () => {
    expect(RetentionQuery.parse({ start: "2026-10-05" })).toEqual({
      start: "2026-10-05",
      period: "week",
      periods: 8,
      unit: "client",
      cohortEvent: {},
      returnEvent: {},
      path: "auto",
    });
  });

  test("refusals are sentences naming the field", () => {
    expect(messageFor(RetentionQuery, { start: "2026-10-05", periods: 13 })).toBe(
      "A weekly report covers at most 12 weeks.",
    );
    expect(messageFor(RetentionQuery, { start: "2026-10-05", period: "day", periods: 32 })).toBe(
      "A daily report covers at most 31 days.",
    );
    expect(RetentionQuery.safeParse({ start: "2026-10-05", period: "day", periods: 31 }).success).toBe(true);
    expect(messageFor(RetentionQuery, { start: "2026-10-05", periods: 1 })).toBe("Choose at least 2 periods.");
    expect(messageFor(RetentionQuery, { start: "soon" })).toBe("Start must be a date written yyyy-mm-dd.");
    expect(messageFor(RetentionQuery, { start: "2026-10-05", unit: "session" })).toBe(
      "Unit must be one of “client”, “user”, “person”.",
    );
    expect(messageFor(RetentionQuery, { start: "2026-10-05", returnEvent: { event: "Page View" } })).toBe(
      "Event must be an event name in snake_case, such as page_view.",
    );
    expect(messageFor(RetentionQuery, { start: "2026-10-05", cohortEvent: { colour: "red" } })).toBe(
      "There is no field called “colour” here.",
    );
  });
});

describe("TrendsQuery", () => {
  const base = { events: ["page_view"], from: "2026-11-02", to: "2026-11-08" };

  test("defaults: events per day against the previous period", () => {
    expect(TrendsQuery.parse(base)).toEqual({
      ...base,
      measure: "events",
      interval: "day",
      compare: true,
      path: "auto",
    });
  });

  test("refusals are sentences naming the field", () => {
    expect(messageFor(TrendsQuery, { ...base, events: [] })).toBe("Choose at least one event.");
    expect(messageFor(TrendsQuery, { ...base, events: ["a", "b", "c", "d", "e", "f"] })).toBe(
      "Choose at most 5 events.",
    );
    expect(messageFor(TrendsQuery, { ...base, from: "2026-11-09" })).toBe("The last day must not be before the first.");
    expect(messageFor(TrendsQuery, { ...base, interval: "hour", to: "2026-11-16" })).toBe(
      "By hour, a trend covers at most 14 days; choose fewer days or a longer interval.",
    );
    expect(TrendsQuery.safeParse({ ...base, interval: "hour", to: "2026-11-15" }).success).toBe(true);
    expect(messageFor(TrendsQuery, { ...base, breakdown: "country" })).toMatch(/^Breakdown must be one of “category”/);
    expect(messageFor(TrendsQuery, { ...base, measure: "visits" })).toBe(
      "Measure must be one of “events”, “clients”, “sessions”, “users”, “persons”.",
    );
  });
});
