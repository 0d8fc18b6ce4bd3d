import { expect, test } from "vitest";
import { FINDING_FILTER_KEYS, FindingsQuery } from "./findings";

test("status=all, as the findings page writes it, means every status; listed statuses are kept", () => {
  expect(FindingsQuery.parse({ status: "all" }).status).toBeUndefined();
  expect(FindingsQuery.parse({ status: ["new", "all"] }).status).toBeUndefined();
  expect(FindingsQuery.parse({ status: ["new", "resolved"] }).status).toEqual(["new", "resolved"]);
  expect(FindingsQuery.safeParse({ status: "closed" }).success).toBe(false);
});

test("a saved filter keeps every filter key but the page's own", () => {
  expect(FINDING_FILTER_KEYS).toEqual(expect.arrayContaining(["severity", "status", "q", "from", "to", "sort"]));
  expect(FINDING_FILTER_KEYS).not.toContain("cursor");
  expect(FINDING_FILTER_KEYS).not.toContain("limit");
});
