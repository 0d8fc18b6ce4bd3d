import type { Queryable } from "@/lib/ports/database";
import type { EventLakeQuery } from "@/lib/ports/event-lake";
import type { LakeParam } from "@/lib/ports/lake-query";
import type { FunnelQuery } from "@/lib/schemas/funnel";
import { buildFunnelSql, computeScanRange, type ScanRange } from "./funnel-query";
import type { FunnelLevelRow, FunnelTimeRow } from "./funnel-summary";
import { type EventsSql, SqlParams } from "./funnel-units-sql";
import { queryLake } from "./report-run";
import { getSummaryIneligibility, summaryStartDays } from "./summary-units-sql";

/**
 * Funnels over the columnar copy: the raw-event funnel statement the warehouse runs (one
 * definition, so both count the same by construction; tests hold them equal), over the copy's
 * Parquet for the days the scan touches, run by the lake engine.
 */

/**
 * Whether the copy holds every object the warehouse loaded: no load waiting for its files, and no
 * loaded object without a copy record (loaded by a run without the copy, or before it existed), and
 * the identity map's snapshot written at the map's current version (person funnels read it).
 */
export async function isColumnarCopyComplete(q: Queryable): Promise<boolean> {
  const [row] = await q.query<{ complete: boolean }>(
    `SELECT NOT EXISTS (SELECT 1 FROM clickstream_columnar_objects WHERE published_at IS NULL)
       AND NOT EXISTS (
         SELECT 1 FROM clickstream_loads l CROSS JOIN LATERAL jsonb_object_keys(l.objects) AS k(key)
         WHERE NOT EXISTS (SELECT 1 FROM clickstream_columnar_objects c WHERE c.object_key = k.key)
       )
       AND NOT EXISTS (SELECT 1 FROM clickstream_identity_state WHERE written_version <> version) AS complete`,
  );
  return row?.complete === true;
}

/** The copy's events for the days (yyyy-mm-dd, inclusive) and its identity map, as the lake engine reads them. */
export function eventsOnLake(lake: EventLakeQuery, days: { from: string; to: string }): EventsSql {
  return {
    source: lake.eventsSource(days),
    identitiesSource: lake.identitiesSource(),
    firstValue: (v, order) => lake.firstValue(v, order),
    valueAt: (v, order, filter) => lake.valueAt(v, order, filter),
    time: lake.time,
  };
}

/** `$n` placeholders (Postgres style, a value may be used twice) as `?` with the values in order of use. */
export function toPositional(sql: string, values: readonly unknown[]): { sql: string; params: LakeParam[] } {
  const params: LakeParam[] = [];
  const out = sql.replace(/\$(\d+)/g, (_, n: string) => {
    const v = values[Number(n) - 1];
    if (typeof v !== "string" && typeof v !== "number") throw new Error(`parameter $${n} is not text or a number`);
    params.push(v);
    return "?";
  });
  return { sql: out, params };
}

type FunnelRow = FunnelLevelRow & FunnelTimeRow & { g: number } & Record<string, unknown>;

/** The funnel's level and time rows, counted by the lake engine over the columnar copy. */
export async function queryColumnarFunnel(
  lake: EventLakeQuery,
  q: FunnelQuery,
): Promise<{
  levels: FunnelLevelRow[];
  times: FunnelTimeRow[];
  excluded: number;
  sql: string;
  params: LakeParam[];
  scan: ScanRange;
  /** Why the per-session summary could not count it (raw events did), or null when it did. */
  summaryIneligible: string | null;
}> {
  const range = computeScanRange(q);
  const p = new SqlParams();
  const summaryIneligible = getSummaryIneligibility(q);
  const built = buildFunnelSql(q, p, {
    path: summaryIneligible ? "raw" : "summary",
    ineligible: summaryIneligible ?? (q.exclusions.length ? "exclusions need the events between the steps" : null),
    eventSteps: [],
    events: eventsOnLake(lake, { from: range.from.slice(0, 10), to: range.to.slice(0, 10) }),
    sessions: summaryIneligible ? undefined : lake.sessionsSource(summaryStartDays(q)),
  });
  const { sql, params } = toPositional(built.sql, p.values);
  const rows = await queryLake<FunnelRow>(lake, sql, params, "The funnel");
  return {
    levels: rows.filter((r) => r.g === 0 && r.k === 1),
    times: rows.filter((r) => r.g === 1 && r.k > 1),
    excluded: rows.reduce((a, r) => a + (r.g === 2 ? Number(r.n) : 0), 0),
    sql,
    params,
    scan: built.scan,
    summaryIneligible,
  };
}
