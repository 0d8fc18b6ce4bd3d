import type { TrendBreakdown, TrendMeasure, TrendsQuery } from "@/lib/schemas/trends";
import { TREND_TOP_VALUES } from "@/lib/schemas/trends";
import type { EventsSql, SqlParams } from "./funnel-units-sql";
import { buildUnitSql } from "./identity";
import { DAY_MS, dayMs, mondayOnOrBefore, periodIndexSql } from "./report-sql";

/** A breakdown property of an event aliased `e`, as text (NULL when the event has none). */
const BREAKDOWN_SQL: Record<TrendBreakdown, (e: string) => string> = {
  category: (e) => `${e}.product_category`,
  brand: (e) => `${e}.product_brand`,
  login_state: (e) => `${e}.user_login_state`,
  identity_source: (e) => `${e}.identity_source`,
  first_visit: (e) => `CAST(${e}.is_first_visit AS VARCHAR)`,
  // The host of the referring page, lowercased, without port: split_part is spelled alike in both engines.
  referrer_domain: (e) =>
    `nullif(lower(split_part(split_part(split_part(split_part(${e}.referrer, '://', 2), '/', 1), '?', 1), ':', 1)), '')`,
};

/** What is counted per event: nothing for total events, else the unit whose distinct values are counted. */
const MEASURE_UNIT: Record<TrendMeasure, "client" | "session" | "user" | "person" | null> = {
  events: null,
  clients: "client",
  sessions: "session",
  users: "user",
  persons: "person",
};

const SECONDS = { hour: 3600, day: 86_400, week: 7 * 86_400 } as const;

export interface TrendRange {
  fromMs: number;
  /** Exclusive. */
  toMs: number;
  seconds: number;
  /** Buckets in the range (and in the previous period). */
  buckets: number;
  /** The previous period's start: as long as the range, just before it. */
  previousFromMs: number;
}

/** The instants a trend counts: whole UTC days, or whole weeks Monday to Sunday for a weekly trend. */
export function computeTrendRange(q: TrendsQuery): TrendRange {
  const weekly = q.interval === "week";
  const fromMs = weekly ? mondayOnOrBefore(dayMs(q.from)) : dayMs(q.from);
  const toMs = weekly ? mondayOnOrBefore(dayMs(q.to)) + 7 * DAY_MS : dayMs(q.to) + DAY_MS;
  const seconds = SECONDS[q.interval];
  return {
    fromMs,
    toMs,
    seconds,
    buckets: Math.round((toMs - fromMs) / (seconds * 1000)),
    previousFromMs: fromMs - (toMs - fromMs),
  };
}

/**
 * The statement: per (event, breakdown value, period, bucket k) the measure, and per (event, value,
 * period) the measure over the whole period as k = -1 (unique counts do not add up across buckets).
 * Breakdown values outside the current period's top ten (by events; ties by value, byte order) are
 * counted together as `other = 1`. `cur` is 1 for the range, 0 for the previous period.
 */
export function buildTrendsSql(q: TrendsQuery, events: EventsSql, p: SqlParams): string {
  const r = computeTrendRange(q);
  const start = q.compare ? r.previousFromMs : r.fromMs;
  // Computed here, never from input: a whole number, written as a literal.
  const n = q.compare ? r.buckets : 0;
  const counted = MEASURE_UNIT[q.measure];
  const unit = counted ? buildUnitSql(counted, events) : null;
  const measure = unit?.expr;
  const agg = measure ? "count(DISTINCT u)" : "count(*)";
  const value = q.breakdown ? `coalesce(${BREAKDOWN_SQL[q.breakdown]("e")}, '(none)')` : "CAST(NULL AS VARCHAR)";
  const names = q.events.map((name) => p.add(name)).join(", ");
  const base = `SELECT e.event_name AS ev, ${value} AS v, ${measure ?? "CAST(NULL AS VARCHAR)"} AS u,
        ${periodIndexSql(events, p, start, r.seconds)} AS g
      FROM ${events.source} e ${unit?.join ?? ""}
      WHERE e.event_timestamp >= ${p.add(new Date(start).toISOString())} AND e.event_timestamp < ${p.add(new Date(r.toMs).toISOString())}
        AND e.event_name IN (${names})`;
  const inTop = "v IN (SELECT v FROM top_values)";
  const top = q.breakdown
    ? `, top_values AS (SELECT v FROM base WHERE g >= ${n} GROUP BY v ORDER BY count(*) DESC, v COLLATE "C" LIMIT ${TREND_TOP_VALUES})`
    : "";
  const split = q.breakdown
    ? `CASE WHEN ${inTop} THEN v END AS bv, CASE WHEN ${inTop} THEN 0 ELSE 1 END AS other`
    : "v AS bv, 0 AS other";
  return `WITH base AS (${base})${top},
    b AS (SELECT ev, ${split}, u, CASE WHEN g >= ${n} THEN 1 ELSE 0 END AS cur,
            CASE WHEN g >= ${n} THEN g - ${n} ELSE g END AS k FROM base)
    SELECT ev, bv, other, cur, k, CAST(${agg} AS INTEGER) AS n FROM b GROUP BY ev, bv, other, cur, k
    UNION ALL
    SELECT ev, bv, other, cur, -1 AS k, CAST(${agg} AS INTEGER) AS n FROM b GROUP BY ev, bv, other, cur`;
}
