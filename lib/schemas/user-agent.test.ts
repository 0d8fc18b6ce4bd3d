import { describe, expect, test } from "vitest";
import { describeDevice, formatDuration, parseUserAgent, referrerDomain } from "./user-agent";

describe("device from the user agent", () => {
  test("desktop, phone and tablet browsers", () => {
    expect(
      describeDevice(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
      ),
    ).toBe("Chrome 131 on Windows (desktop)");
    expect(
      describeDevice(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari 17 on iOS (phone)");
    expect(
      parseUserAgent(
        "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
      ),
    ).toEqual({ browser: "Chrome 131", os: "Android", type: "tablet" });
    expect(describeDevice("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe(
      "Firefox 133 on macOS (desktop)",
    );
    expect(
      describeDevice(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0",
      ),
    ).toBe("Edge 131 on Windows (desktop)");
  });

  test("nothing or gibberish is said plainly", () => {
    expect(describeDevice(null)).toBe("unknown device");
    expect(describeDevice("something")).toBe("unknown browser on unknown system");
  });
});

describe("referrer and duration", () => {
  test("the referrer's domain without www; none for a missing or broken URL", () => {
    expect(referrerDomain("https://www.google.com/search")).toBe("google.com");
    expect(referrerDomain("not a url")).toBeNull();
    expect(referrerDomain(null)).toBeNull();
  });

  test("durations read like people say them", () => {
    expect(formatDuration(400)).toBe("under a second");
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(200_000)).toBe("3 min 20 s");
    expect(formatDuration(120_000)).toBe("2 min");
    expect(formatDuration(3_900_000)).toBe("1 h 5 min");
  });
});
