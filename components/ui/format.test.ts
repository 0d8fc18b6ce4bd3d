import { describe, expect, test } from "vitest";
import { formatPercent, formatRunDuration, formatSeconds, formatWhen } from "./format";

describe("formatPercent", () => {
  test("one decimal by default, more when asked, a dash for no value", () => {
    expect(formatPercent(0.1234)).toBe("12.3%");
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatPercent(0.01234, 2)).toBe("1.23%");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("formatSeconds", () => {
  test("seconds under 90 s, minutes under 90 min, hours beyond", () => {
    expect(formatSeconds(null)).toBe("—");
    expect(formatSeconds(44.6)).toBe("45 s");
    expect(formatSeconds(720)).toBe("12 min");
    expect(formatSeconds(9000)).toBe("2.5 h");
  });
});

describe("formatRunDuration", () => {
  test("a run without a duration is running", () => {
    expect(formatRunDuration(null)).toBe("running");
    expect(formatRunDuration(1234)).toBe("1.2 s");
  });
});

describe("formatWhen", () => {
  test("no instant reads as a dash", () => {
    expect(formatWhen(null)).toBe("—");
    expect(formatWhen("2026-01-01T00:00:00Z")).toBe(new Date("2026-01-01T00:00:00Z").toLocaleString());
  });
});
