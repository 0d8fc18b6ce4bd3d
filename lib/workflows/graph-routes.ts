import type { GraphEdgeDto, GraphNodeDto } from "@/lib/schemas/reviews";
import type { GraphEdge } from "./graph";

type Pt = [number, number];
type Box = Pick<GraphNodeDto, "x" | "y" | "w" | "h">;
type Routed = GraphEdgeDto;

/** Room beside the drawing for loops that go back up one layer. */
const LOOP = 22;

/** One edge with the dummy vertices that carry it through the layers between its ends. */
export interface Chain {
  from: string;
  to: string;
  edge: GraphEdge;
  via: string[];
  back: boolean;
}

const bottomOf = (b: Box): Pt => [b.x + b.w / 2, b.y + b.h];
const topOf = (b: Box): Pt => [b.x + b.w / 2, b.y];
const rightOf = (b: Box, f = 0.5): Pt => [b.x + b.w, b.y + b.h * f];

/** The polyline of one edge: down through its dummies' layers, or back up through them for a loop. */
function pointsOf(c: Chain, u: Box, v: Box, dummyAt: (d: string) => { x: number; top: number; bottom: number }): Pt[] {
  if (c.from === c.to) return [rightOf(u, 0.3), [u.x + u.w + LOOP, u.y + u.h / 2], rightOf(u, 0.7)];
  if (c.back && c.via.length === 0) {
    const x = Math.max(u.x + u.w, v.x + v.w) + LOOP;
    return [rightOf(u), [x, (u.y + v.y + v.h) / 2], rightOf(v)];
  }
  const mid = c.via.flatMap((d): Pt[] => {
    const p = dummyAt(d);
    return c.back
      ? [
          [p.x, p.bottom],
          [p.x, p.top],
        ]
      : [
          [p.x, p.top],
          [p.x, p.bottom],
        ];
  });
  return c.back ? [topOf(u), ...mid, bottomOf(v)] : [bottomOf(u), ...mid, topOf(v)];
}

/**
 * Edges sharing a side of a box fan out along it, in the order of where each goes next, so they
 * neither overlap nor cross at the box.
 */
function spreadPorts(routed: Routed[], boxes: Map<string, Box>) {
  const ports = new Map<string, { e: Routed; end: 0 | 1 }[]>();
  for (const e of routed) {
    if (e.from === e.to || (e.back && e.points.length === 3)) continue;
    const add = (node: string, side: string, end: 0 | 1) =>
      ports.set(`${node}|${side}`, [...(ports.get(`${node}|${side}`) ?? []), { e, end }]);
    add(e.from, e.back ? "top" : "bottom", 0);
    add(e.to, e.back ? "bottom" : "top", 1);
  }
  for (const [key, list] of ports) {
    const box = boxes.get(key.split("|")[0] as string);
    if (!box || list.length < 2) continue;
    const neighbour = ({ e, end }: { e: Routed; end: 0 | 1 }) =>
      (e.points[end === 0 ? 1 : e.points.length - 2] as Pt)[0];
    list.sort((a, b) => neighbour(a) - neighbour(b));
    const step = Math.min(16, (box.w - 16) / (list.length - 1));
    list.forEach(({ e, end }, i) => {
      const p = e.points[end === 0 ? 0 : e.points.length - 1] as Pt;
      p[0] = box.x + box.w / 2 + (i - (list.length - 1) / 2) * step;
    });
  }
}

const labelWidth = (label: string) => label.length * 6 + 8;

/**
 * Where a label sits: on the edge's first segment, near the source, moved further along when it
 * would cover a label already placed; a loop's label sits at its outer point.
 */
function placeLabels(routed: Routed[]) {
  const placed: { x: number; y: number; w: number }[] = [];
  const clear = (x: number, y: number, w: number) =>
    placed.every((p) => Math.abs(p.y - y) >= 14 || Math.abs(p.x - x) >= (p.w + w) / 2 + 2);
  for (const e of routed) {
    const [p0, p1] = [e.points[0] as Pt, e.points[1] as Pt];
    if (e.from === e.to || (e.back && e.points.length === 3)) {
      e.labelAt = [p1[0], p1[1]];
      continue;
    }
    const dy = Math.max(1, Math.abs(p1[1] - p0[1]));
    const at = (t: number): Pt => [p0[0] + (p1[0] - p0[0]) * t, p0[1] + (p1[1] - p0[1]) * t];
    const w = e.label ? labelWidth(e.label) : 0;
    const along = e.points.slice(1, -1).map((p, i): Pt => {
      const q = e.points[i + 2] as Pt;
      return [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
    });
    const tries = [...[Math.min(0.5, 26 / dy), 0.55, 0.75, 0.35].map(at), ...along];
    e.labelAt = tries.find(([x, y]) => clear(x, y, w)) ?? (tries[0] as Pt);
    if (e.label) placed.push({ x: e.labelAt[0], y: e.labelAt[1], w });
  }
}

/** Every edge of a scope routed through its layers. */
export function routeEdges(
  chains: Chain[],
  boxes: Map<string, Box>,
  dummyAt: (d: string) => { x: number; top: number; bottom: number },
): Routed[] {
  const routed: Routed[] = [];
  for (const c of chains) {
    const [u, v] = [boxes.get(c.from), boxes.get(c.to)];
    if (!u || !v) continue;
    routed.push({
      from: c.from,
      to: c.to,
      kind: c.edge.kind,
      label: c.edge.label,
      points: pointsOf(c, u, v, dummyAt),
      labelAt: [0, 0],
      back: c.back,
    });
  }
  spreadPorts(routed, boxes);
  placeLabels(routed);
  return routed;
}
