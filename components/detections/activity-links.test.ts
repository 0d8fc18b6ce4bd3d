import { expect, test } from "vitest";
import { activityHref } from "./activity-links";

test("activityHref searches the principal's call within an hour either side", () => {
  const href = activityHref({
    principal: "arn:aws:iam::111122223333:user/dave",
    eventName: "CreateAccessKey",
    at: "2026-11-20T10:05:00.000Z",
  });
  const p = new URL(href, "http://x").searchParams;
  expect(href.startsWith("/activity?")).toBe(true);
  expect(Object.fromEntries(p)).toEqual({
    principal: "arn:aws:iam::111122223333:user/dave",
    eventName: "CreateAccessKey",
    from: "2026-11-20T09:05:00.000Z",
    to: "2026-11-20T11:05:00.000Z",
  });
});

test("what is unknown is left out of the search", () => {
  expect(activityHref({ principal: null, eventName: "ConsoleLogin", at: null })).toBe(
    "/activity?eventName=ConsoleLogin",
  );
});
