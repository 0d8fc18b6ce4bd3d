import { describe, expect, test } from "vitest";
import { cidrContains, formatCidr, PrefixIndex, parseCidr, parseIp } from "./cidr";

const cidr = (s: string) => {
  const c = parseCidr(s);
  if (!c) throw new Error(`not a CIDR: ${s}`);
  return c;
};
const ip = (s: string) => {
  const a = parseIp(s);
  if (!a) throw new Error(`not an IP: ${s}`);
  return a;
};

describe("parseIp", () => {
  test("reads IPv4 and IPv6 in their usual forms", () => {
    expect(parseIp("34.228.10.20")).toEqual({ version: 4, value: 0x22e40a14n });
    expect(parseIp("::1")).toEqual({ version: 6, value: 1n });
    expect(parseIp("2600:1f18::1")?.value).toBe(0x26001f18000000000000000000000001n);
    expect(parseIp("2600:1F18:0:0:0:0:0:1")?.value).toBe(0x26001f18000000000000000000000001n);
    expect(parseIp("64:ff9b::192.0.2.33")?.value).toBe(0x0064ff9b0000000000000000c0000221n);
  });

  test("an IPv4-mapped IPv6 address is the IPv4 address", () => {
    expect(parseIp("::ffff:54.80.1.2")).toEqual(parseIp("54.80.1.2"));
  });

  test("refuses what is not a plain address", () => {
    for (const bad of [
      "",
      "1.2.3",
      "1.2.3.4.5",
      "256.1.1.1",
      "01.2.3.4",
      "1.2.3.-1",
      "1::2::3",
      "12345::",
      "fe80::1%eth0",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7",
      "arn:aws:iam::111122223333:user/alice",
      "i-0123456789abcdef0",
    ])
      expect(parseIp(bad), bad).toBeNull();
  });
});

describe("parseCidr and cidrContains", () => {
  test("a prefix holds exactly the addresses under its mask, at both edges", () => {
    const c = cidr("34.224.0.0/12");
    expect(cidrContains(c, ip("34.224.0.0"))).toBe(true);
    expect(cidrContains(c, ip("34.239.255.255"))).toBe(true);
    expect(cidrContains(c, ip("34.228.10.20"))).toBe(true);
    expect(cidrContains(c, ip("34.240.0.0"))).toBe(false);
    expect(cidrContains(c, ip("34.223.255.255"))).toBe(false);
  });

  test("IPv6 prefixes, and an address of the other family is never inside", () => {
    const c = cidr("2600:9000::/28");
    expect(cidrContains(c, ip("2600:900f:ffff::1"))).toBe(true);
    expect(cidrContains(c, ip("2600:9010::1"))).toBe(false);
    expect(cidrContains(cidr("0.0.0.0/0"), ip("::1"))).toBe(false);
    expect(cidrContains(cidr("::/0"), ip("::1"))).toBe(true);
  });

  test("host bits are cleared, a bare address is a single-address prefix, nonsense is refused", () => {
    expect(formatCidr(cidr("10.1.2.3/8"))).toBe("10.0.0.0/8");
    expect(cidr("10.1.2.3")).toEqual({ version: 4, network: 0x0a010203n, bits: 32 });
    for (const bad of ["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/8/1", "10.0.0.0/x", "::ffff:1.2.3.0/120"])
      expect(parseCidr(bad), bad).toBeNull();
  });

  test("formatCidr writes IPv6 with the longest zero run folded", () => {
    expect(formatCidr(cidr("2600:1f18::/33"))).toBe("2600:1f18::/33");
    expect(formatCidr(cidr("2a05:d018:0:0:1::/80"))).toBe("2a05:d018:0:0:1::/80");
    expect(formatCidr(cidr("::/0"))).toBe("::/0");
  });
});

describe("PrefixIndex", () => {
  test("returns every prefix holding the address, most specific first, with all their values", () => {
    const index = new PrefixIndex<string>();
    index.add(cidr("34.224.0.0/12"), "AMAZON");
    index.add(cidr("34.224.0.0/12"), "EC2");
    index.add(cidr("34.0.0.0/8"), "wide");
    index.add(cidr("52.94.0.0/22"), "other");
    index.add(cidr("2600:1f18::/33"), "EC2 v6");
    expect(index.size).toBe(4);
    expect(index.lookup(ip("34.228.10.20")).map((h) => [formatCidr(h.cidr), h.values])).toEqual([
      ["34.224.0.0/12", ["AMAZON", "EC2"]],
      ["34.0.0.0/8", ["wide"]],
    ]);
    expect(index.lookup(ip("203.0.113.10"))).toEqual([]);
    expect(index.lookup(ip("2600:1f18:4000::5")).map((h) => h.values)).toEqual([["EC2 v6"]]);
  });
});
