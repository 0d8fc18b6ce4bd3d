import { describe, expect, test } from "vitest";
import { isPrivateAddress, isPublicAddress } from "./shared";

describe("isPrivateAddress", () => {
  test.each([
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.31.255.254",
    "192.168.1.10",
    "100.64.0.1",
    "100.127.255.255",
    "127.0.0.1",
    "169.254.169.254",
    "fc00::1",
    "fd12:3456:789a::1",
    "fe80::1ff:fe23:4567:890a",
    "FE80::1",
    "::1",
    "::ffff:10.1.2.3",
  ])("%s is private", (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
    expect(isPublicAddress(ip)).toBe(false);
  });

  test.each([
    "8.8.8.8",
    "203.0.113.77",
    "172.15.255.255",
    "172.32.0.1",
    "192.169.0.1",
    "100.63.255.255",
    "100.128.0.0",
    "11.0.0.1",
    "2001:db8::1",
    "2600:1f18:abcd::10",
    "fec0::1",
    "::ffff:198.51.100.23",
  ])("%s is public", (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
    expect(isPublicAddress(ip)).toBe(true);
  });

  test.each(["", "-", "10.0.0", "10.0.0.256", "1.2.3.4.5", "not-an-ip", "fc00::1::2", "12345::1", "1:2:3:4:5:6:7:8:9"])(
    "%j is not an address",
    (ip) => {
      expect(isPrivateAddress(ip)).toBe(false);
      expect(isPublicAddress(ip)).toBe(false);
    },
  );

  test("unspecified, multicast and reserved addresses are not public", () => {
    for (const ip of ["0.0.0.0", "224.0.0.251", "239.255.255.250", "255.255.255.255", "::", "ff02::1"])
      expect(isPublicAddress(ip), ip).toBe(false);
  });
});
