import { describe, expect, test } from "vitest";
import { describeWindow } from "./window-label";

describe("describeWindow", () => {
  test("a whole day reads as that day to its last minute", () => {
    expect(describeWindow({ from: "2026-12-05T00:00:00.000Z", to: "2026-12-05T23:59:59.999Z" })).toBe(
      "5 Dec 2026, 00:00 to 23:59 UTC",
    );
  });
  test("a range over several days names both ends with their times", () => {
    expect(describeWindow({ from: "2026-11-28T10:15:00.000Z", to: "2026-12-05T10:15:00.000Z" })).toBe(
      "28 Nov 2026, 10:15 to 5 Dec 2026, 10:15 UTC",
    );
  });
});
