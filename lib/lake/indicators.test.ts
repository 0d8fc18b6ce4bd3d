import { expect, test } from "vitest";
import { isIpv6 } from "./indicator-patterns";
import { IndicatorSet } from "./indicators";

const scan = (v: unknown) => new IndicatorSet().scan(v).toColumns();

test("finds every kind once, sorted, wherever it sits in the record", () => {
  const cols = scan({
    b: "arn:aws:iam::444455556666:user/zed",
    a: { deep: ["198.51.100.7", "10.0.0.1", "198.51.100.7"] },
    key: "AKIAABCDEFGHIJKLMNOP",
    inst: "i-0aaaaaaaaaaaaaaaa",
    v6: "2001:DB8::10",
  });
  expect(cols).toEqual({
    any_ip: ["10.0.0.1", "198.51.100.7", "2001:db8::10"],
    any_arn: ["arn:aws:iam::444455556666:user/zed"],
    any_instance_id: ["i-0aaaaaaaaaaaaaaaa"],
    any_access_key_id: ["AKIAABCDEFGHIJKLMNOP"],
    any_account_id: ["444455556666"],
  });
});

test("an ARN also yields the instance id, address and account inside it", () => {
  const cols = scan({ r: "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0" });
  expect(cols.any_instance_id).toEqual(["i-0123456789abcdef0"]);
  expect(cols.any_account_id).toEqual(["111122223333"]);
});

test("IPv4 only as a whole run of digits and dots; IPv6 only as a whole value", () => {
  const cols = scan({
    note: 'from 10.0.0.1.5 and 10.0.0.300 and v1.2.3.4, peer "fe80::1" at 192.168.1.1',
    version: "aws-cli/2.15.0",
    cidr: "0.0.0.0/0",
    notIpv6: "1::2::3",
    short: "cafe:babe",
    time: "2026-11-20T10:00:00Z",
    prefix: "2001:db8::/32",
  });
  expect(cols.any_ip).toEqual(["0.0.0.0", "1.2.3.4", "192.168.1.1", "2001:db8::"]);
});

test("single values are read as one whole value", () => {
  expect(new IndicatorSet().scanString("2001:db8::5").toColumns().any_ip).toEqual(["2001:db8::5"]);
  expect(new IndicatorSet().scanString("connect from 2001:db8::5 port 22").toColumns().any_ip).toEqual([]);
});

test("isIpv6 follows the group rules", () => {
  expect(isIpv6("2001:db8:0:0:0:0:0:1")).toBe(true);
  expect(isIpv6("fe80::1")).toBe(true);
  expect(isIpv6("::")).toBe(false);
  expect(isIpv6("1:2:3:4:5:6:7")).toBe(false);
  expect(isIpv6("1::2::3")).toBe(false);
});

test("scanJson finds what scanText finds in JSON text without escapes", () => {
  // Strings built from pieces on every edge of the grammar: ARNs holding instance ids, keys and
  // addresses; runs of digits and dots next to keys and instance ids; hex-and-colon strings of
  // 2–40 characters with and without a prefix length; word boundaries.
  const pieces = [
    "arn:aws",
    "arn:aws-cn",
    ":",
    "::",
    "iam",
    "ec2",
    "-",
    "_",
    "1",
    "0",
    ".",
    "10.0.0.1",
    "1.2",
    "256",
    "/",
    "/32",
    "/1234",
    "111122223333",
    "i-",
    "0123abcd",
    "0123abcd9",
    "0123456789abcdef0",
    "AKIA",
    "ASIA",
    "ABCDEFGHIJKLMNOP",
    "ABCDEFGHIJKLMNOPQ",
    "fe80",
    "FE80",
    "cafe",
    "2001:db8::1",
    "dead:beef:0:0:0:0:0:1",
    " ",
    ",",
    "'",
    "x",
    "Z",
    "é",
    "a",
    "A",
    "i",
    "instance/",
    "user/alice",
    "{",
    "]",
  ];
  let seed = 11; // mulberry32
  const rand = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  const str = () => {
    let s = "";
    for (let m = rand(8); m >= 0; m--) s += pieces[rand(pieces.length)];
    return s;
  };
  const value = (depth: number): unknown => {
    const k = rand(depth > 2 ? 3 : 6);
    if (k === 0) return str();
    if (k === 1) return rand(3) === 0 ? 1.5 : rand(3) === 1 ? 12345678 : null;
    if (k === 2) return rand(2) === 0;
    if (k === 3) return Array.from({ length: rand(4) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: rand(5) }, () => [str(), value(depth + 1)]));
  };
  let found = 0;
  for (let k = 0; k < 20_000; k++) {
    const text = JSON.stringify({ [str()]: value(0), [str()]: str(), [str()]: value(0) });
    if (text.includes("\\")) continue;
    const expected = new IndicatorSet().scanText(text).toColumns();
    expect(new IndicatorSet().scanJson(text).toColumns(), text).toEqual(expected);
    found += Object.values(expected).flat().length;
  }
  expect(found).toBeGreaterThan(10_000);
});
