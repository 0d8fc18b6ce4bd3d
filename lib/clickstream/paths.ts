import { requireRole } from "@/lib/auth/require-role";
import { OTHER_EVENTS, type PathLink, type PathNode, type PathsQuery, type PathsResult } from "@/lib/schemas/paths";
import { ANALYTICS_ROLES, type AnalyticsCtx } from "./analytics-ctx";
import { runEventReport } from "./event-report";
import { buildPathsSql, computePathsScan, type PathRow } from "./paths-sql";
import { buildSummaryPathsSql } from "./summary-reports-sql";

/**
 * Paths (a flow diagram): for each session with the anchor event in the range, the events after
 * its first occurrence (before its last, for paths ending at it) in (time, event id) order, with
 * immediate repeats collapsed; per step, the commonest events (the rest merged into "other"), the
 * transitions between consecutive steps, and the sessions whose path stops at each node. Counted
 * in the engine by one statement (`buildPathsSql`), on the columnar copy or the warehouse.
 */

const nodeId = (step: number, event: string) => `${step}:${event}`;

/** The events drawn at each step: the `maxNodes` commonest (ties by name). */
function pickShown(rows: readonly PathRow[], maxNodes: number): Map<number, Set<string>> {
  const totals = new Map<number, Map<string, number>>();
  for (const r of rows) {
    const step = totals.get(r.step) ?? new Map<string, number>();
    step.set(r.name, (step.get(r.name) ?? 0) + r.sessions);
    totals.set(r.step, step);
  }
  const shown = new Map<number, Set<string>>();
  for (const [step, names] of totals) {
    const ranked = [...names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    shown.set(step, new Set(ranked.slice(0, maxNodes).map(([n]) => n)));
  }
  return shown;
}

const byNode = (a: PathNode, b: PathNode) =>
  a.step - b.step ||
  Number(a.event === OTHER_EVENTS) - Number(b.event === OTHER_EVENTS) ||
  b.sessions - a.sessions ||
  (a.event < b.event ? -1 : 1);

/** The diagram from the statement's transitions: nodes with drop-offs, and links earlier → later. */
export function shapePaths(
  q: Pick<PathsQuery, "direction" | "maxNodes">,
  rows: readonly PathRow[],
): { sessions: number; nodes: PathNode[]; links: PathLink[] } {
  const shown = pickShown(rows, q.maxNodes);
  const label = (step: number, name: string) => (shown.get(step)?.has(name) ? name : OTHER_EVENTS);
  const nodes = new Map<string, PathNode>();
  const links = new Map<string, PathLink>();
  for (const r of rows) {
    const event = label(r.step, r.name);
    const id = nodeId(r.step, event);
    const node = nodes.get(id) ?? { id, step: r.step, event, sessions: 0, dropOff: 0 };
    node.sessions += r.sessions;
    node.dropOff += r.ended ? r.sessions : 0;
    nodes.set(id, node);
    if (r.next === null) continue;
    const next = nodeId(r.step + 1, label(r.step + 1, r.next));
    const [source, target] = q.direction === "end" ? [next, id] : [id, next];
    const key = `${source}\u0000${target}`;
    const link = links.get(key) ?? { source, target, sessions: 0 };
    link.sessions += r.sessions;
    links.set(key, link);
  }
  const list = [...nodes.values()].sort(byNode);
  const sessions = list.filter((n) => n.step === 1).reduce((sum, n) => sum + n.sessions, 0);
  const linkList = [...links.values()].sort(
    (a, b) =>
      b.sessions - a.sessions || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1),
  );
  return { sessions, nodes: list, links: linkList };
}

/** The paths from (or to) an event: admins only; the columnar copy when it answers, else the warehouse. */
export async function getPaths({ ctx, input }: { ctx: AnalyticsCtx; input: PathsQuery }): Promise<PathsResult> {
  requireRole(ctx.principal, ANALYTICS_ROLES);
  const answer = await runEventReport<PathRow>({
    db: ctx.db,
    lake: ctx.eventLake,
    name: "The paths report",
    path: input.path,
    scan: computePathsScan(input),
    build: (events, p) => buildPathsSql(input, events, p),
    fromSummary: (sessions, p) => buildSummaryPathsSql(input, sessions, p),
  });
  // Both engines' numbers as plain numbers (a driver may hand back an integer as bigint).
  const rows = answer.rows.map((r) => ({
    ...r,
    step: Number(r.step),
    ended: Number(r.ended),
    sessions: Number(r.sessions),
  }));
  return {
    event: input.event,
    direction: input.direction,
    depth: input.depth,
    ...shapePaths(input, rows),
    explain: answer.explain,
  };
}
