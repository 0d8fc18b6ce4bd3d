import { describe, expect, test } from "vitest";
import { computeSummaryTag, summaryInputDays, summaryKey } from "./session-summary";
import { summaryStartDays } from "./summary-units-sql";

describe("the per-session summary's naming", () => {
  const files = [
    { key: "events/dt=2026-11-24/hr=day/compact-a.parquet", size: 100 },
    { key: "events/dt=2026-11-25/hr=day/compact-b.parquet", size: 200 },
  ];

  test("the tag names the files and their sizes, in any listing order; other objects do not count", () => {
    const tag = computeSummaryTag(files);
    expect(tag).toMatch(/^[0-9a-f]{20}$/);
    expect(computeSummaryTag([...files].reverse())).toBe(tag);
    expect(computeSummaryTag([...files, { key: "events/dt=2026-11-25/_tmp", size: 3 }])).toBe(tag);
    // A late file, a re-merge (another size) or a lost file each make another tag.
    expect(computeSummaryTag([...files, { key: "events/dt=2026-11-25/hr=07/x.parquet", size: 9 }])).not.toBe(tag);
    expect(
      computeSummaryTag([files[0] as (typeof files)[0], { ...(files[1] as (typeof files)[0]), size: 201 }]),
    ).not.toBe(tag);
    expect(computeSummaryTag(files.slice(1))).not.toBe(tag);
  });

  test("a start day reads the day before, itself and the next; its file is under its own day", () => {
    expect(summaryInputDays("2026-12-01")).toEqual(["2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(summaryKey("2026-11-24", "abc")).toBe("sessions/dt=2026-11-24/summary-v2-abc.parquet");
  });

  test("a funnel entering in [from, to) reads the sessions starting from the day before to its last instant's day", () => {
    expect(summaryStartDays({ from: "2026-10-31T00:00:00.000Z", to: "2026-11-30T00:00:00.000Z" })).toEqual({
      from: "2026-10-30",
      to: "2026-11-29",
    });
    expect(summaryStartDays({ from: "2026-10-31T06:00:00.000Z", to: "2026-11-30T00:00:00.001Z" })).toEqual({
      from: "2026-10-30",
      to: "2026-11-30",
    });
  });
});
