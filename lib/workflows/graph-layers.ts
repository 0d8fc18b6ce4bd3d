/**
 * The three steps of a layered (Sugiyama-style) drawing, kept free of ASL: which layer each vertex
 * goes in, the order within each layer (fewest crossings found), and x positions that keep edges as
 * straight as the order allows.
 */

export interface LayerEdge {
  from: string;
  to: string;
}

/**
 * Layers by longest path from the roots, over the graph without its back edges (an edge to a vertex
 * still being explored depth-first closes a loop, e.g. "wait, check, not done yet → wait"). Returns
 * each vertex's layer, the indexes of the back edges, and the depth-first visiting order.
 */
export function assignLayers(ids: string[], edges: LayerEdge[], roots: string[]) {
  const out = new Map(ids.map((id) => [id, [] as number[]]));
  edges.forEach((e, i) => {
    out.get(e.from)?.push(i);
  });
  const seen = new Map<string, "open" | "done">();
  const back = new Set<number>();
  const preorder: string[] = [];
  const finished: string[] = [];
  const visit = (id: string) => {
    seen.set(id, "open");
    preorder.push(id);
    for (const i of out.get(id) ?? []) {
      const to = (edges[i] as LayerEdge).to;
      if (seen.get(to) === "open") back.add(i);
      else if (!seen.has(to) && out.has(to)) visit(to);
    }
    seen.set(id, "done");
    finished.push(id);
  };
  for (const r of [...roots, ...ids]) if (!seen.has(r) && out.has(r)) visit(r);
  const layer = new Map(ids.map((id) => [id, 0]));
  for (const id of finished.reverse()) {
    for (const i of out.get(id) ?? []) {
      if (back.has(i)) continue;
      const to = (edges[i] as LayerEdge).to;
      layer.set(to, Math.max(layer.get(to) ?? 0, (layer.get(id) ?? 0) + 1));
    }
  }
  return { layer, back, preorder };
}

/** Edge crossings between every pair of neighbouring layers. */
export function countCrossings(layers: string[][], down: Map<string, string[]>): number {
  let total = 0;
  for (let i = 0; i + 1 < layers.length; i++) {
    const pos = new Map((layers[i + 1] as string[]).map((id, k) => [id, k]));
    const segs = (layers[i] as string[]).flatMap((id, a) =>
      (down.get(id) ?? []).flatMap((t) => (pos.has(t) ? [[a, pos.get(t) as number] as const] : [])),
    );
    for (let p = 0; p < segs.length; p++)
      for (let q = p + 1; q < segs.length; q++) {
        const [a1, b1] = segs[p] as readonly [number, number];
        const [a2, b2] = segs[q] as readonly [number, number];
        if ((a1 - a2) * (b1 - b2) < 0) total++;
      }
  }
  return total;
}

/** Barycenter sweeps down and up; the ordering with the fewest crossings seen wins. */
export function orderLayers(
  layers: string[][],
  up: Map<string, string[]>,
  down: Map<string, string[]>,
  sweeps = 12,
): string[][] {
  let cur = layers.map((l) => [...l]);
  let best = cur;
  let fewest = countCrossings(cur, down);
  for (let it = 0; it < sweeps && fewest > 0; it++) {
    const downward = it % 2 === 0;
    const next = cur.map((l) => [...l]);
    const indexes = next.map((_, i) => i);
    for (const i of downward ? indexes.slice(1) : indexes.slice(0, -1).reverse()) {
      const ref = next[downward ? i - 1 : i + 1] as string[];
      const pos = new Map(ref.map((id, k) => [id, k]));
      const row = next[i] as string[];
      const bary = new Map(
        row.map((id, k) => {
          const ps = ((downward ? up : down).get(id) ?? []).flatMap((n) => (pos.has(n) ? [pos.get(n) as number] : []));
          return [id, ps.length ? ps.reduce((s, p) => s + p, 0) / ps.length : k];
        }),
      );
      next[i] = [...row].sort((a, b) => (bary.get(a) ?? 0) - (bary.get(b) ?? 0));
    }
    cur = next;
    const c = countCrossings(cur, down);
    if (c < fewest) {
      best = cur;
      fewest = c;
    }
  }
  return best;
}

/**
 * Centres for one layer, in its order, as close as possible (least squares) to the desired ones
 * while neighbours stay `sep[i]` apart (centre i-1 to centre i): pool-adjacent-violators on the
 * positions with the minimum spacing taken out.
 */
export function placeRow(desired: number[], sep: number[]): number[] {
  const off: number[] = [];
  let acc = 0;
  desired.forEach((_, i) => {
    acc += i > 0 ? (sep[i] ?? 0) : 0;
    off.push(acc);
  });
  const blocks: { sum: number; n: number }[] = [];
  desired.forEach((d, i) => {
    blocks.push({ sum: d - (off[i] ?? 0), n: 1 });
    for (let b = blocks.length; b > 1; b = blocks.length) {
      const [l, r] = [blocks[b - 2], blocks[b - 1]] as { sum: number; n: number }[];
      if (!l || !r || l.sum / l.n <= r.sum / r.n) break;
      blocks.splice(b - 2, 2, { sum: l.sum + r.sum, n: l.n + r.n });
    }
  });
  const ys = blocks.flatMap((b) => Array<number>(b.n).fill(b.sum / b.n));
  return ys.map((y, i) => y + (off[i] ?? 0));
}

/**
 * x centres: start packed, then pull each vertex towards the mean of its neighbours in the layer
 * above (downward sweeps) or below (upward), finishing with both, each row kept in order and apart.
 */
export function placeX(
  layers: string[][],
  width: (id: string) => number,
  gap: (a: string, b: string) => number,
  up: Map<string, string[]>,
  down: Map<string, string[]>,
): Map<string, number> {
  const x = new Map<string, number>();
  const seps = layers.map((row) =>
    row.map((id, i) => (i === 0 ? 0 : (width(row[i - 1] as string) + width(id)) / 2 + gap(row[i - 1] as string, id))),
  );
  layers.forEach((row, l) => {
    placeRow(
      row.map(() => 0),
      seps[l] as number[],
    ).forEach((c, i) => {
      x.set(row[i] as string, c);
    });
  });
  for (let it = 0; it < 16; it++) {
    const downward = it % 2 === 0;
    const both = it >= 12;
    const order = layers.map((_, i) => i);
    for (const l of downward ? order : order.reverse()) {
      const row = layers[l] as string[];
      const desired = row.map((id) => {
        const ns = [
          ...(downward || both ? (up.get(id) ?? []) : []),
          ...(!downward || both ? (down.get(id) ?? []) : []),
        ];
        const xs = ns.flatMap((n) => (x.has(n) ? [x.get(n) as number] : []));
        return xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : (x.get(id) ?? 0);
      });
      placeRow(desired, seps[l] as number[]).forEach((c, i) => {
        x.set(row[i] as string, c);
      });
    }
  }
  return x;
}
