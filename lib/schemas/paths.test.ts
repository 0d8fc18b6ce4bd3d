import { describe, expect, test } from "vitest";
import { PathsQuery } from "./paths";

const base = { from: "2026-11-10", to: "2026-11-10", event: "product_view" };
const messages = (over: Record<string, unknown>) =>
  PathsQuery.safeParse({ ...base, ...over }).error?.issues.map((i) => i.message);

describe("paths query", () => {
  test("defaults: starting from the event, 4 steps, 8 events per step, nothing excluded", () => {
    expect(PathsQuery.parse(base)).toMatchObject({
      direction: "start",
      depth: 4,
      maxNodes: 8,
      exclude: [],
      path: "auto",
    });
  });

  test("reads numbers and the excluded events from a URL", () => {
    const q = PathsQuery.parse({ ...base, depth: "6", maxNodes: "3", exclude: " search, help ,," });
    expect(q).toMatchObject({ depth: 6, maxNodes: 3, exclude: ["search", "help"] });
  });

  test("says in words what is wrong", () => {
    expect(messages({ depth: 1 })).toEqual(["Show at least 2 steps"]);
    expect(messages({ depth: 7 })).toEqual(["Show at most 6 steps"]);
    expect(messages({ maxNodes: 1 })).toEqual(["Show at least 2 events per step"]);
    expect(messages({ event: "Product View" })).toEqual(["Event names are written in snake_case, like product_view"]);
    expect(messages({ exclude: "product_view" })).toEqual([
      "The event the paths start from or end at cannot also be excluded",
    ]);
    expect(messages({ to: "2026-12-20" })).toEqual(["A report covers at most 31 days"]);
    expect(messages({ to: "2026-11-09" })).toEqual(["The end date is before the start date"]);
  });
});
