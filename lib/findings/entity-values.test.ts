import { expect, test } from "vitest";
import { entityIps } from "./entity-values";

test("the any-address of a world-open rule and the broadcast address are not entities; hosts are", () => {
  expect(entityIps(["0.0.0.0", "198.51.100.200", "::", "2001:db8::20", "255.255.255.255", "10.0.0.0"])).toEqual([
    "198.51.100.200",
    "2001:db8::20",
    "10.0.0.0",
  ]);
});
