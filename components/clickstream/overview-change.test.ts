import { describe, expect, test } from "vitest";
import { describeChange, hasPreviousData, previousRange } from "./overview-change";

const period = { events: 0, sessions: 0, clients: 0, users: 0, firstVisitShare: 0, loggedInShare: 0 };

describe("overview period comparison", () => {
  test("a stat that was 0 in a previous period with data is compared, not called missing", () => {
    const prev = { ...period, events: 120, sessions: 30 };
    expect(hasPreviousData(prev)).toBe(true);
    expect(describeChange(5, prev.users, "count", hasPreviousData(prev))).toBe("up from none in the previous period");
    expect(describeChange(0, prev.loggedInShare, "share", true)).toBe("same as the previous period (0.0%)");
  });

  test("counts: % change with the previous value; shares: percentage points", () => {
    expect(describeChange(150, 120, "count", true)).toBe("+25.0% vs 120 in the previous period");
    expect(describeChange(90, 120, "count", true)).toBe("−25.0% vs 120 in the previous period");
    expect(describeChange(120, 120, "count", true)).toBe("same as the previous period (120)");
    expect(describeChange(0.5, 0.4, "share", true)).toBe("+10.0 pts vs 40.0% in the previous period");
  });

  test("only an empty previous period says there is no data", () => {
    expect(hasPreviousData(period)).toBe(false);
    expect(describeChange(10, 0, "count", false)).toBe("no data in the previous period");
  });

  test("the previous period has the same number of days and ends the day before", () => {
    expect(previousRange("2026-11-24", "2026-12-07")).toEqual({ from: "2026-11-10", to: "2026-11-23" });
    expect(previousRange("2026-12-07", "2026-12-07")).toEqual({ from: "2026-12-06", to: "2026-12-06" });
  });
});
