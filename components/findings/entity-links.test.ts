import { describe, expect, test } from "vitest";
import { entityHref, principalHref, withFilter } from "./entity-links";

describe("entity links", () => {
  test("an ARN principal pivots to its entity page; a bare name searches activity", () => {
    const arn = "arn:aws:iam::111122223333:user/alice";
    expect(principalHref(arn)).toBe(`/entities?kind=arn&value=${encodeURIComponent(arn)}`);
    expect(principalHref("alice")).toBe("/activity?principal=alice");
    expect(entityHref("ip", "2001:db8::1")).toBe("/entities?kind=ip&value=2001%3Adb8%3A%3A1");
  });

  test("adding a filter keeps the others and starts again from the first page", () => {
    const now = new URLSearchParams("errorCode=AccessDenied&cursor=abc");
    expect(withFilter(now, "principal", "arn:aws:iam::1:user/bob")).toBe(
      "/activity?errorCode=AccessDenied&principal=arn%3Aaws%3Aiam%3A%3A1%3Auser%2Fbob",
    );
    expect(withFilter(now, "cursor", "next")).toBe("/activity?errorCode=AccessDenied&cursor=next");
  });
});
