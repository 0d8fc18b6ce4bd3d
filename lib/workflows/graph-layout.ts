import type { GraphEdgeDto, GraphNodeDto, WorkflowGraphDto } from "@/lib/schemas/reviews";
import type { GraphScope } from "./graph";
import { assignLayers, orderLayers, placeX } from "./graph-layers";
import { type Chain, routeEdges } from "./graph-routes";

export const START = "__start";
export const NODE_H = 36;
const GAP_X = 28;
const DUMMY_GAP = 10;
const DUMMY_W = 12;
export const GAP_Y = 48;
const PAD = 14;
const HEADER = 30;
export const LOOP_ROOM = 28;

type Placed = Omit<GraphNodeDto, "visited" | "current">;
type PlacedEdge = GraphEdgeDto;
export interface ScopeLayout {
  width: number;
  height: number;
  nodes: Placed[];
  edges: PlacedEdge[];
}

/** Rough text width of a state name at the drawing's 12 px font. */
const nodeWidth = (name: string) => Math.max(84, Math.round(name.length * 7 + 28));

function chainsOf(scope: GraphScope, top: boolean) {
  const edges = [
    ...(top ? [{ from: START, edge: { to: scope.startAt, kind: "next" as const, label: null } }] : []),
    ...scope.states.flatMap((s) => s.edges.map((edge) => ({ from: s.name, edge }))),
  ];
  const ids = [...(top ? [START] : []), ...scope.states.map((s) => s.name)];
  const { layer, back, preorder } = assignLayers(
    ids,
    edges.map((e) => ({ from: e.from, to: e.edge.to })),
    [top ? START : scope.startAt],
  );
  const chains: Chain[] = edges.map((e, i) => {
    const [a, b] = [layer.get(e.from) ?? 0, layer.get(e.edge.to) ?? 0];
    const step = b > a ? 1 : -1;
    const via: string[] = [];
    for (let l = a + step; step > 0 ? l < b : l > b; l += step) {
      via.push(`${e.from}→${e.edge.to}#${l}`);
      layer.set(via[via.length - 1] as string, l);
    }
    return { from: e.from, to: e.edge.to, edge: e.edge, via, back: back.has(i) };
  });
  return { ids, layer, preorder, chains };
}

/** Lays one scope out (its Parallel/Map states first, recursively), in its own coordinates. */
export function layoutScope(scope: GraphScope, top: boolean): ScopeLayout {
  const inner = new Map(scope.states.map((s) => [s.name, s.branches.map((b) => layoutScope(b, false))]));
  const size = new Map<string, { w: number; h: number }>(top ? [[START, { w: 56, h: 24 }]] : []);
  for (const s of scope.states) {
    const bs = inner.get(s.name) ?? [];
    size.set(
      s.name,
      bs.length
        ? {
            w: Math.max(nodeWidth(s.name), bs.reduce((w, b) => w + b.width, 0) + GAP_X * (bs.length - 1) + 2 * PAD),
            h: HEADER + Math.max(...bs.map((b) => b.height)) + PAD,
          }
        : { w: nodeWidth(s.name), h: NODE_H },
    );
  }
  const { ids, layer, preorder, chains } = chainsOf(scope, top);
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const [hi, lo] = (layer.get(a) ?? 0) < (layer.get(b) ?? 0) ? [a, b] : [b, a];
    down.set(hi, [...(down.get(hi) ?? []), lo]);
    up.set(lo, [...(up.get(lo) ?? []), hi]);
  };
  for (const c of chains) {
    const path = [c.from, ...c.via, c.to];
    for (let i = 0; i + 1 < path.length; i++)
      if (path[i] !== path[i + 1]) link(path[i] as string, path[i + 1] as string);
  }
  const depth = Math.max(0, ...layer.values()) + 1;
  const rows: string[][] = Array.from({ length: depth }, () => []);
  const vertexOrder = [...preorder, ...ids.filter((id) => !preorder.includes(id))];
  for (const id of vertexOrder) rows[layer.get(id) ?? 0]?.push(id);
  for (const c of chains) for (const d of c.via) rows[layer.get(d) ?? 0]?.push(d);
  const ordered = orderLayers(rows, up, down);
  const w = (id: string) => size.get(id)?.w ?? DUMMY_W;
  const isDummy = (id: string) => !size.has(id);
  const xs = placeX(ordered, w, (a, b) => (isDummy(a) || isDummy(b) ? DUMMY_GAP : GAP_X), up, down);
  return assemble({ scope, top, ordered, xs, size, inner, chains, layer });
}

/** Turns layers and centres into boxes (nested layouts moved into their container) and routed edges. */
function assemble(a: {
  scope: GraphScope;
  top: boolean;
  ordered: string[][];
  xs: Map<string, number>;
  size: Map<string, { w: number; h: number }>;
  inner: Map<string, ScopeLayout[]>;
  chains: Chain[];
  layer: Map<string, number>;
}): ScopeLayout {
  const left = Math.min(0, ...[...a.xs].map(([id, x]) => x - (a.size.get(id)?.w ?? DUMMY_W) / 2));
  const shift = -left;
  const rowTop: number[] = [];
  const rowH = a.ordered.map((row) => Math.max(0, ...row.map((id) => a.size.get(id)?.h ?? 0)));
  rowH.reduce((y, h, i) => {
    rowTop[i] = y;
    return y + h + GAP_Y;
  }, 0);
  const byName = new Map(a.scope.states.map((s) => [s.name, s]));
  const nodes: Placed[] = [];
  const boxes = new Map<string, Placed>();
  for (const [id, sz] of a.size) {
    const l = a.layer.get(id) ?? 0;
    const s = byName.get(id);
    const box: Placed = {
      id,
      type: s?.type ?? "Start",
      x: (a.xs.get(id) ?? 0) + shift - sz.w / 2,
      y: (rowTop[l] ?? 0) + ((rowH[l] ?? 0) - sz.h) / 2,
      w: sz.w,
      h: sz.h,
      end: s?.end ?? false,
      container: (s?.branches.length ?? 0) > 0,
    };
    boxes.set(id, box);
    nodes.push(box);
  }
  const edges: PlacedEdge[] = [];
  for (const [id, layouts] of a.inner) {
    const box = boxes.get(id);
    let dx = (box?.x ?? 0) + PAD;
    for (const b of layouts) {
      const dy = (box?.y ?? 0) + HEADER;
      nodes.push(...b.nodes.map((n) => ({ ...n, x: n.x + dx, y: n.y + dy })));
      edges.push(...b.edges.map((e) => moveEdge(e, dx, dy)));
      dx += b.width + GAP_X;
    }
  }
  const dummyAt = (d: string) => {
    const l = a.layer.get(d) ?? 0;
    return { x: (a.xs.get(d) ?? 0) + shift, top: rowTop[l] ?? 0, bottom: (rowTop[l] ?? 0) + (rowH[l] ?? 0) };
  };
  edges.push(...routeEdges(a.chains, boxes, dummyAt));
  const width = Math.max(...nodes.map((n) => n.x + n.w), 0) + (a.chains.some((c) => c.back) ? LOOP_ROOM : 0);
  const height = (rowTop[rowTop.length - 1] ?? 0) + (rowH[rowH.length - 1] ?? 0);
  return { width, height, nodes, edges };
}

const moveEdge = (e: PlacedEdge, dx: number, dy: number): PlacedEdge => ({
  ...e,
  points: e.points.map(([x, y]) => [x + dx, y + dy] as [number, number]),
  labelAt: [e.labelAt[0] + dx, e.labelAt[1] + dy],
});

/** The whole workflow, with a margin, ready to draw. */
export function layoutWorkflow(scope: GraphScope, margin = 14): Omit<WorkflowGraphDto, "nodes"> & { nodes: Placed[] } {
  const l = layoutScope(scope, true);
  const m = moveEdge;
  return {
    width: Math.ceil(l.width + 2 * margin),
    height: Math.ceil(l.height + 2 * margin),
    nodes: l.nodes.map((n) => ({ ...n, x: n.x + margin, y: n.y + margin })),
    edges: l.edges.map((e) => m(e, margin, margin)),
  };
}
