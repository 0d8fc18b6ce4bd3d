import { describe, expect, test } from "vitest";
import { resolveClientIp } from "./client-ip";

describe("resolveClientIp", () => {
  test("without trusted proxies a client-written X-Forwarded-For is ignored", () => {
    expect(resolveClientIp("198.51.100.7", "1.2.3.4", [])).toBe("198.51.100.7");
    expect(resolveClientIp("::ffff:198.51.100.7", "1.2.3.4", [])).toBe("198.51.100.7");
  });
  test("behind a trusted proxy, the address it appended is the client", () => {
    expect(resolveClientIp("127.0.0.1", "203.0.113.9", ["127.0.0.1"])).toBe("203.0.113.9");
    // The client wrote the first entry itself; the proxy appended the real one.
    expect(resolveClientIp("10.0.0.5", "1.2.3.4, 203.0.113.9", ["10.0.0.0/8"])).toBe("203.0.113.9");
    // Two trusted proxies in a row.
    expect(resolveClientIp("10.0.0.5", "203.0.113.9, 10.0.0.6", ["10.0.0.0/8"])).toBe("203.0.113.9");
  });
  test("a peer that is not a trusted proxy is the client, whatever it forwards", () => {
    expect(resolveClientIp("203.0.113.50", "10.0.0.1", ["10.0.0.0/8"])).toBe("203.0.113.50");
  });
  test("garbage in the header is passed over", () => {
    expect(resolveClientIp("127.0.0.1", "not-an-ip, 203.0.113.9", ["127.0.0.1"])).toBe("203.0.113.9");
    expect(resolveClientIp(undefined, "203.0.113.9", [])).toBeNull();
  });
  test("a malformed proxy entry is a configuration error, said plainly", () => {
    expect(() => resolveClientIp("127.0.0.1", null, ["localhost"])).toThrow(/not an address or CIDR/);
  });
});
