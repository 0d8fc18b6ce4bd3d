import { OTHER_EVENTS, type PathLink, type PathNode, type PathsResult } from "@/lib/schemas/paths";

/**
 * Where a paths diagram draws things (SVG units): one column per step (the anchor on the left for
 * paths starting from it, on the right for paths ending at it), node heights and link widths in
 * proportion to sessions, links leaving and entering their nodes stacked top to bottom.
 */

export const NODE_WIDTH = 12;
const COLUMN_GAP = 200;
/** Room for a two-line label under the top of each node. */
const NODE_GAP = 30;
const PAD = { top: 16, side: 8, right: 170 };

export interface PlacedNode extends PathNode {
  x: number;
  y: number;
  height: number;
  /** Share of the anchor's sessions. */
  share: number;
}

export interface PlacedLink extends PathLink {
  /** Centre line of the band: from the source's right edge to the target's left edge. */
  path: string;
  width: number;
  share: number;
  from: PlacedNode;
  to: PlacedNode;
}

export interface PathsLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  links: PlacedLink[];
}

export function layoutPaths(r: Pick<PathsResult, "direction" | "sessions" | "nodes" | "links">): PathsLayout {
  const lastStep = Math.max(1, ...r.nodes.map((n) => n.step));
  const column = (step: number) => (r.direction === "start" ? step - 1 : lastStep - step);
  const perColumn = new Map<number, PathNode[]>();
  for (const n of r.nodes) perColumn.set(column(n.step), [...(perColumn.get(column(n.step)) ?? []), n]);
  const crowded = Math.max(1, ...[...perColumn.values()].map((c) => c.length));
  const plot = Math.max(360, crowded * 56);
  const scale = r.sessions > 0 ? (plot - (crowded - 1) * NODE_GAP) / r.sessions : 0;
  const placed = new Map<string, PlacedNode>();
  for (const [col, list] of perColumn) {
    let y = PAD.top;
    for (const n of list) {
      const height = Math.max(2, n.sessions * scale);
      placed.set(n.id, { ...n, x: PAD.side + col * COLUMN_GAP, y, height, share: n.sessions / (r.sessions || 1) });
      y += height + NODE_GAP;
    }
  }
  const links = placeLinks(r.links, placed, scale, r.sessions);
  const columns = lastStep;
  return {
    width: PAD.side + (columns - 1) * COLUMN_GAP + NODE_WIDTH + PAD.right,
    height: PAD.top * 2 + plot + 24,
    nodes: [...placed.values()],
    links,
  };
}

/** Bands stacked at each end in the order of the node at the other end, so they do not cross at a node. */
function placeLinks(links: readonly PathLink[], nodes: Map<string, PlacedNode>, scale: number, total: number) {
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  const ends = links.flatMap((l) => {
    const from = nodes.get(l.source);
    const to = nodes.get(l.target);
    return from && to ? [{ l, from, to }] : [];
  });
  const sourceOrder = [...ends].sort((a, b) => a.from.y - b.from.y || a.to.y - b.to.y);
  const offsets = new Map<PathLink, { out: number; in: number }>();
  for (const e of sourceOrder) offsets.set(e.l, { out: 0, in: 0 });
  for (const e of [...ends].sort((a, b) => a.to.y - b.to.y)) {
    const o = offsets.get(e.l) as { out: number; in: number };
    o.out = out.get(e.from.id) ?? 0;
    out.set(e.from.id, o.out + e.l.sessions * scale);
  }
  for (const e of sourceOrder) {
    const o = offsets.get(e.l) as { out: number; in: number };
    o.in = into.get(e.to.id) ?? 0;
    into.set(e.to.id, o.in + e.l.sessions * scale);
  }
  return ends.map(({ l, from, to }): PlacedLink => {
    const width = Math.max(1, l.sessions * scale);
    const o = offsets.get(l) as { out: number; in: number };
    const x0 = from.x + NODE_WIDTH;
    const x1 = to.x;
    const y0 = from.y + o.out + width / 2;
    const y1 = to.y + o.in + width / 2;
    const mid = (x0 + x1) / 2;
    return {
      ...l,
      width,
      share: l.sessions / (total || 1),
      from,
      to,
      path: `M${x0},${y0} C${mid},${y0} ${mid},${y1} ${x1},${y1}`,
    };
  });
}

const PALETTE = ["#0284c7", "#059669", "#d97706", "#7c3aed", "#db2777", "#0d9488", "#ea580c", "#4f46e5"];

/** A colour per event name (the same event the same colour in every column); "other" is grey. */
export function colourOf(event: string): string {
  if (event === OTHER_EVENTS) return "#94a3b8";
  let h = 0;
  for (const c of event) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length] as string;
}

/** How an event is named on the diagram. */
export const eventLabel = (event: string) => (event === OTHER_EVENTS ? "Other events" : event);
