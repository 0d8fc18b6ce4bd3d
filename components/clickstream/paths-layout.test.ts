import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import type { PathsResult } from "@/lib/schemas/paths";
import { describeOdds } from "./funnel/funnel-correlation";
import { PathsFlow } from "./paths-flow";
import { colourOf, layoutPaths, NODE_WIDTH } from "./paths-layout";

const node = (step: number, event: string, sessions: number, dropOff = 0) => ({
  id: `${step}:${event}`,
  step,
  event,
  sessions,
  dropOff,
});
const start: PathsResult = {
  event: "product_view",
  direction: "start",
  depth: 3,
  sessions: 10,
  nodes: [
    node(1, "product_view", 10, 2),
    node(2, "add_to_cart", 6),
    node(2, "search", 2, 2),
    node(3, "purchase", 6, 6),
  ],
  links: [
    { source: "1:product_view", target: "2:add_to_cart", sessions: 6 },
    { source: "1:product_view", target: "2:search", sessions: 2 },
    { source: "2:add_to_cart", target: "3:purchase", sessions: 6 },
  ],
  explain: { path: "warehouse", reason: "", sql: "", params: [], ms: 1, scanned: { from: "", to: "" } },
};

describe("paths diagram layout", () => {
  test("columns left to right from the anchor; heights in proportion to sessions; bands stacked", () => {
    const l = layoutPaths(start);
    const at = (id: string) => l.nodes.find((n) => n.id === id);
    const anchor = at("1:product_view");
    const cart = at("2:add_to_cart");
    const search = at("2:search");
    expect(anchor?.x).toBeLessThan(cart?.x ?? 0);
    expect(cart?.x).toBe(search?.x);
    expect((cart?.height ?? 0) / (search?.height ?? 1)).toBeCloseTo(3, 6);
    expect(anchor?.share).toBe(1);
    expect(cart?.share).toBe(0.6);
    const [toCart, toSearch] = l.links;
    expect(toCart?.width).toBeCloseTo(cart?.height ?? 0, 6);
    // The second band leaves the anchor just below the first.
    const y0 = (d: string) => Number(d.split(/[ ,]/)[1]);
    expect(y0(toSearch?.path ?? "") - y0(toCart?.path ?? "")).toBeCloseTo(
      ((toCart?.width ?? 0) + (toSearch?.width ?? 0)) / 2,
      6,
    );
    expect(toCart?.path.startsWith(`M${(anchor?.x ?? 0) + NODE_WIDTH},`)).toBe(true);
  });

  test("paths ending at the event put the anchor in the last column", () => {
    const l = layoutPaths({ ...start, direction: "end" });
    const xs = new Map(l.nodes.map((n) => [n.step, n.x]));
    expect(xs.get(1)).toBeGreaterThan(xs.get(2) ?? Infinity);
    expect(xs.get(2)).toBeGreaterThan(xs.get(3) ?? Infinity);
  });

  test("one colour per event, grey for other events", () => {
    expect(colourOf("add_to_cart")).toBe(colourOf("add_to_cart"));
    expect(colourOf("(other)")).toBe("#94a3b8");
  });

  test("renders every node and band with its figures in words", () => {
    const html = renderToStaticMarkup(createElement(PathsFlow, { result: start }));
    expect(html.match(/<path /g)).toHaveLength(3);
    expect(html.match(/<rect /g)).toHaveLength(4);
    expect(html).toContain("Step 2: search: 2 sessions, 20.0% of those with product_view; 2 stop here");
    expect(html).toContain("add_to_cart then purchase: 6 sessions (60.0%)");
    expect(html).toContain('tabindex="0"');
  });

  test("odds in words", () => {
    expect(describeOdds(3.2)).toBe("3.2× more likely to convert");
    expect(describeOdds(1 / 2.1)).toBe("2.1× less likely to convert");
  });
});
