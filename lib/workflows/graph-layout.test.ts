import { describe, expect, test } from "vitest";
import { WORKFLOWS } from "@/lib/ports/workflow-engine";
import type { GraphNodeDto } from "@/lib/schemas/reviews";
import { localArns, renderAsl } from "./definitions";
import { type GraphScope, graphOfAsl, stateNames } from "./graph";
import { assignLayers, countCrossings, orderLayers, placeRow } from "./graph-layers";
import { layoutWorkflow, START } from "./graph-layout";

type Box = Pick<GraphNodeDto, "x" | "y" | "w" | "h">;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
const onBorder = ([x, y]: [number, number], b: Box) =>
  x >= b.x - 0.01 &&
  x <= b.x + b.w + 0.01 &&
  y >= b.y - 0.01 &&
  y <= b.y + b.h + 0.01 &&
  (Math.abs(y - b.y) < 0.01 || Math.abs(y - b.y - b.h) < 0.01 || Math.abs(x - b.x - b.w) < 0.01);

/** The scope each state is drawn in: the top level, or the Parallel (or Map) it belongs to. */
function parents(scope: GraphScope, parent: string | null, out = new Map<string, string | null>()) {
  for (const s of scope.states) {
    out.set(s.name, parent);
    for (const b of s.branches) parents(b, s.name, out);
  }
  return out;
}

describe.each(WORKFLOWS)("layoutWorkflow(%s)", (wf) => {
  const graph = graphOfAsl(renderAsl(wf, localArns(wf)));
  const layout = layoutWorkflow(graph);
  const box = new Map(layout.nodes.map((n) => [n.id, n]));
  const parentOf = parents(graph, null);

  test("draws every state once, plus the start, inside the drawing", () => {
    expect(layout.nodes.map((n) => n.id).sort()).toEqual([START, ...stateNames(graph)].sort());
    for (const n of layout.nodes) expect(inside(n, { x: 0, y: 0, w: layout.width, h: layout.height }), n.id).toBe(true);
  });

  test("no two states overlap unless one is the Parallel holding the other", () => {
    for (const a of layout.nodes)
      for (const b of layout.nodes) {
        if (a.id >= b.id) continue;
        const nested = (x: string, y: string) => {
          for (let p = parentOf.get(x); p; p = parentOf.get(p)) if (p === y) return true;
          return false;
        };
        if (nested(a.id, b.id) || nested(b.id, a.id)) continue;
        expect(overlap(a, b), `${a.id} / ${b.id}`).toBe(false);
      }
  });

  test("a branch's states are drawn inside their Parallel's box", () => {
    for (const [name, parent] of parentOf)
      if (parent) expect(inside(box.get(name) as Box, box.get(parent) as Box), `${name} in ${parent}`).toBe(true);
  });

  test("every edge runs from its source's border to its target's; forward edges go down, loops are marked", () => {
    for (const e of layout.edges) {
      const [from, to] = [box.get(e.from) as Box, box.get(e.to) as Box];
      expect(onBorder(e.points[0] as [number, number], from), `${e.from} → ${e.to} starts`).toBe(true);
      expect(onBorder(e.points[e.points.length - 1] as [number, number], to), `${e.from} → ${e.to} ends`).toBe(true);
      if (!e.back) expect(to.y, `${e.from} → ${e.to}`).toBeGreaterThan(from.y);
    }
    expect(layout.edges.filter((e) => e.back).map((e) => `${e.from}→${e.to}`)).toEqual(
      wf === "incident-response" ? ["CollectionDone→WaitForCollection"] : [],
    );
  });

  test("every transition of the definition is drawn, labelled as the graph says", () => {
    const drawn = new Set(layout.edges.map((e) => `${e.from}→${e.to}:${e.label}`));
    const walk = (s: GraphScope): string[] =>
      s.states.flatMap((st) => [...st.edges.map((e) => `${st.name}→${e.to}:${e.label}`), ...st.branches.flatMap(walk)]);
    for (const e of walk(graph)) expect(drawn.has(e), e).toBe(true);
  });

  test("is the same every time (laid out once, cached by the server)", () => {
    expect(layoutWorkflow(graph)).toEqual(layout);
  });
});

describe("layer steps", () => {
  test("assignLayers: longest path from the root; an edge back into an open state is a loop", () => {
    const edges = [
      { from: "a", to: "b" },
      { from: "b", to: "c" },
      { from: "a", to: "c" },
      { from: "c", to: "b" },
    ];
    const { layer, back } = assignLayers(["a", "b", "c"], edges, ["a"]);
    expect(Object.fromEntries(layer)).toEqual({ a: 0, b: 1, c: 2 });
    expect([...back]).toEqual([3]);
  });

  test("orderLayers removes the crossing of two swapped edges", () => {
    const down = new Map([
      ["a", ["y"]],
      ["b", ["x"]],
    ]);
    const up = new Map([
      ["y", ["a"]],
      ["x", ["b"]],
    ]);
    const layers = [
      ["a", "b"],
      ["x", "y"],
    ];
    expect(countCrossings(layers, down)).toBe(1);
    expect(countCrossings(orderLayers(layers, up, down), down)).toBe(0);
  });

  test("placeRow keeps order and spacing, otherwise sits where wanted", () => {
    expect(placeRow([0, 100, 300], [0, 50, 50])).toEqual([0, 100, 300]);
    expect(placeRow([10, 10], [0, 40])).toEqual([-10, 30]);
    const xs = placeRow([50, 0, 0], [0, 20, 20]);
    expect((xs[1] as number) - (xs[0] as number)).toBeCloseTo(20);
    expect((xs[2] as number) - (xs[1] as number)).toBeCloseTo(20);
    expect((xs[0] as number) + (xs[1] as number) + (xs[2] as number)).toBeCloseTo(50);
  });
});
