import { describe, expect, test } from "vitest";
import { Instant, RangeEnd } from "./common";

describe("range ends", () => {
  test("a day as the end of a range means the end of that day, so from and to the same day covers it", () => {
    expect(Instant.parse("2026-12-05")).toBe("2026-12-05T00:00:00.000Z");
    expect(RangeEnd.parse("2026-12-05")).toBe("2026-12-05T23:59:59.999Z");
    expect(RangeEnd.parse(" 2026-12-05 ")).toBe("2026-12-05T23:59:59.999Z");
  });
  test("an instant is kept as it is", () => {
    expect(RangeEnd.parse("2026-12-05T10:30:00Z")).toBe("2026-12-05T10:30:00.000Z");
  });
  test("what is not a date, or outside the window, is refused like any instant", () => {
    expect(RangeEnd.safeParse("yesterday").success).toBe(false);
    expect(RangeEnd.safeParse("9999-12-31").success).toBe(false);
  });
});
