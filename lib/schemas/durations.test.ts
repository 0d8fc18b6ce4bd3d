import { describe, expect, test } from "vitest";
import { dueInWords, durationInWords } from "./durations";

describe("durationInWords", () => {
  test("in the unit a person would use, singular when one", () => {
    expect(durationInWords(14400)).toBe("4 hours");
    expect(durationInWords(3600)).toBe("1 hour");
    expect(durationInWords(5400)).toBe("1.5 hours");
    expect(durationInWords(45)).toBe("45 seconds");
    expect(durationInWords(60)).toBe("1 minute");
    expect(durationInWords(600)).toBe("10 minutes");
    expect(durationInWords(2 * 86400)).toBe("2 days");
    expect(durationInWords(36 * 3600)).toBe("36 hours");
  });
  test("due in the future or past", () => {
    const now = Date.parse("2026-12-05T10:00:00Z");
    expect(dueInWords("2026-12-05T14:00:00Z", now)).toBe("in 4 hours");
    expect(dueInWords("2026-12-05T09:57:00Z", now)).toBe("3 minutes ago");
  });
});
