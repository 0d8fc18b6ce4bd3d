import { describe, expect, test } from "vitest";
import { formatAge } from "./review-age";

describe("formatAge", () => {
  test("under an hour in minutes, never below one", () => {
    expect(formatAge(5)).toBe("1 min");
    expect(formatAge(29 * 60 + 40)).toBe("30 min");
  });
  test("under a day in hours, then in days", () => {
    expect(formatAge(3600)).toBe("1 h");
    expect(formatAge(5.6 * 3600)).toBe("6 h");
    expect(formatAge(86400 * 3)).toBe("3 d");
  });
});
