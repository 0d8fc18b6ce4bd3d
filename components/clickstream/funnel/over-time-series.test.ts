import { describe, expect, test } from "vitest";
import { overTimeSeries } from "./over-time-series";

describe("conversion over time", () => {
  const days = [
    { day: "2026-12-05", entrants: 10, converted: 2 },
    { day: "2026-12-06", entrants: 8, converted: 4 },
    { day: "2026-12-07", entrants: 3, converted: 0 },
  ];

  test("today's partial day is left out of the line and drawn apart, joined to the last complete day", () => {
    const { points, partial } = overTimeSeries(days, "2026-12-07");
    expect(points.map((p) => p.conversion)).toEqual([20, 50, null]);
    expect(points.map((p) => p.today)).toEqual([null, 50, 0]);
    expect(partial?.day).toBe("2026-12-07");
  });

  test("a range that ended before today is all complete days", () => {
    const { points, partial } = overTimeSeries(days, "2026-12-08");
    expect(points.map((p) => p.conversion)).toEqual([20, 50, 0]);
    expect(points.every((p) => p.today === null)).toBe(true);
    expect(partial).toBeNull();
  });

  test("a day nobody entered is a gap, not a drop to 0%", () => {
    const { points } = overTimeSeries([{ day: "2026-12-05", entrants: 0, converted: 0 }], "2026-12-07");
    expect(points[0]?.conversion).toBeNull();
  });
});
