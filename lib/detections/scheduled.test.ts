import { describe, expect, test } from "vitest";
import { findSequences } from "./evaluate-sequence";
import { findBursts, HOUR_MS } from "./evaluate-threshold";
import type { SequenceRule, ThresholdRule } from "./rule";
import { batchesOf } from "./run-scheduled-detections";
import type { KeyedEvent } from "./scheduled-events";

const H = Date.parse("2026-11-20T10:00:00Z");
const at = (min: number, id = `e${min}`, step?: number): KeyedEvent => ({
  k: "k",
  t: H + min * 60_000,
  id,
  step,
  row: {},
});
const burstRule = { threshold: 3, windowMinutes: 10 } as ThresholdRule;
const seqRule = { windowMinutes: 30, steps: [{}, {}, {}] } as SequenceRule;

describe("findBursts", () => {
  test("a burst belongs to the hour of its first trigger, whatever hour its events started in", () => {
    const events = [at(-5), at(-2), at(1), at(2), at(4)];
    const bursts = findBursts(events, burstRule, { startMs: H });
    expect(bursts.map((b) => b.map((e) => e.id))).toEqual([["e-5", "e-2", "e1", "e2", "e4"]]);
    expect(findBursts(events, burstRule, { startMs: H - HOUR_MS })).toEqual([]);
  });

  test("triggers more than a window apart are two bursts; too few events in a window are none", () => {
    expect(findBursts([at(0), at(1), at(2), at(30), at(31), at(32)], burstRule, { startMs: H })).toHaveLength(2);
    expect(findBursts([at(0), at(9), at(18), at(27)], burstRule, { startMs: H })).toEqual([]);
  });
});

describe("findSequences", () => {
  test("steps in order within the window complete once per first step", () => {
    const events = [at(0, "a", 0), at(5, "b", 1), at(10, "c", 2), at(12, "c2", 2)];
    expect(findSequences(events, seqRule, { startMs: H }).map((c) => c.map((e) => e.id))).toEqual([["a", "b", "c"]]);
  });

  test("out of order, or spread over more than the window, completes nothing", () => {
    expect(findSequences([at(0, "b", 1), at(5, "a", 0), at(10, "c", 2)], seqRule, { startMs: H })).toEqual([]);
    expect(findSequences([at(0, "a", 0), at(20, "b", 1), at(31, "c", 2)], seqRule, { startMs: H })).toEqual([]);
  });
});

test("batchesOf: consecutive hours together, at most a day per batch", () => {
  const hours = [0, 1, 2, 5, 6].map((h) => H + h * HOUR_MS);
  expect(batchesOf(hours).map((b) => b.length)).toEqual([3, 2]);
  expect(batchesOf(Array.from({ length: 30 }, (_, h) => H + h * HOUR_MS)).map((b) => b.length)).toEqual([24, 6]);
});
