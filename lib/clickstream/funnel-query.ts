import { AppError } from "@/lib/errors";
import { type FunnelQuery, MAX_RAW_RANGE_DAYS } from "@/lib/schemas/funnel";
import { buildAttributedValueSql, buildExclusionSql, getRawOnlyReason } from "./funnel-rules-sql";
import {
  buildRawUnitsSql,
  buildRollupUnitsSql,
  DAY,
  type EventsSql,
  SESSION_SPAN_MS,
  type SqlParams,
  toStepKey,
  WAREHOUSE_EVENTS,
} from "./funnel-units-sql";
import { buildElapsedSql, buildLevelSql } from "./session-rollup";
import { buildSummaryUnitsSql, summaryKeepsExclusions } from "./summary-units-sql";

/** The instants a funnel's events are read between (ISO). */
export interface ScanRange {
  from: string;
  to: string;
}

/**
 * Why the session rollup cannot answer this funnel, or null when it can — alone, or joined with the
 * first occurrence of each step it does not keep (a filtered or non-standard step), read from the
 * events of those steps only.
 */
export function getRollupIneligibility(q: FunnelQuery): string | null {
  if (q.path === "raw") return "raw path requested";
  const rawOnly = getRawOnlyReason(q);
  if (rawOnly) return rawOnly;
  if (q.unit !== "session") return `the rollup is per session; this funnel counts by ${q.unit}`;
  if (q.order === "strict") return "strict order needs the events in between";
  if (q.sameProduct) return "same-product funnels need each product's events";
  const keys = q.steps.map(toStepKey);
  if (new Set(keys).size !== keys.length) return "a repeated step needs its second occurrence";
  return null;
}

/**
 * The events a funnel reading them must scan: its range widened by what a unit entering in it can
 * reach (a session spans at most a day; any order looks back a window, the others only forward).
 */
export function computeScanRange(q: FunnelQuery): ScanRange {
  const windowMs = q.windowMinutes * 60_000;
  const before =
    q.unit === "session"
      ? Math.max(SESSION_SPAN_MS, q.order === "any" ? windowMs : 0)
      : q.order === "any"
        ? windowMs
        : 0;
  const after = q.unit === "session" ? Math.max(SESSION_SPAN_MS, windowMs) : windowMs;
  return {
    from: new Date(Date.parse(q.from) - before).toISOString(),
    to: new Date(Date.parse(q.to) + after).toISOString(),
  };
}

/**
 * The funnel as one statement over the rollup or raw events (parameters added to `p`). The units
 * once (materialized), then grouped: (level, breakdown value, day) with counts and product value,
 * and for each step k the whole seconds from step 1 of the units that reached it (medians and the
 * time-to-convert distribution). Only a few thousand rows leave the database. Refuses a range too
 * long for raw events.
 */
export function buildFunnelSql(
  q: FunnelQuery,
  p: SqlParams,
  plan: {
    path: "raw" | "rollup" | "summary";
    ineligible: string | null;
    eventSteps: number[];
    events?: EventsSql;
    /** The summary path's source of sessions (`EventLakeQuery.sessionsSource`). */
    sessions?: string;
  },
): { sql: string; scan: ScanRange } {
  const readsEvents =
    plan.path === "raw" || (plan.path === "summary" && q.exclusions.length > 0) || plan.eventSteps.length > 0;
  if (readsEvents && Date.parse(q.to) - Date.parse(q.from) > MAX_RAW_RANGE_DAYS * DAY)
    throw new AppError(
      "invalid_input",
      `This funnel reads raw events (${plan.ineligible ?? `for step ${plan.eventSteps.join(", ")}`}); its range can be at most ${MAX_RAW_RANGE_DAYS} days. Narrow the dates.`,
    );
  const from = `${p.add(q.from)}::timestamptz`;
  const to = `${p.add(q.to)}::timestamptz`;
  const windowMinutes = p.add(q.windowMinutes);
  const scan = readsEvents ? computeScanRange(q) : { from: q.from, to: q.to };
  const scanParams = () => ({ lo: `${p.add(scan.from)}::timestamptz`, hi: `${p.add(scan.to)}::timestamptz` });
  const rawScan = plan.path === "raw" ? scanParams() : null;
  const events = plan.events ?? WAREHOUSE_EVENTS;
  const { ctes, exclusion } = buildLevelledUnitsSql(q, p, {
    from,
    to,
    windowMinutes,
    scan: rawScan,
    events,
    rollupScan: scanParams,
    sessions: plan.path === "summary" ? plan.sessions : undefined,
    withIds: false,
  });
  const { time } = events;
  const n = q.steps.length;
  const ks = Array.from({ length: n }, (_, i) => i + 1);
  const kept = exclusion ? "WHERE NOT excl" : "";
  const keptAnd = exclusion ? "AND NOT excl" : "";
  const sql = `WITH ${ctes}
    SELECT 0 AS g, lvl, value, ${time.utcDate("t1")}::text AS day, 1 AS k, 0 AS sec, count(*)::int AS n,
      coalesce(sum(pv), 0)::float8 AS pv
    FROM l ${kept} GROUP BY lvl, value, ${time.utcDate("t1")}
    ${ks
      .slice(1)
      .map(
        (k) => `UNION ALL
    SELECT 1, NULL, NULL, NULL, ${k}, floor(${buildElapsedSql(q.order, k, time)})::int, count(*)::int, 0 FROM l WHERE lvl >= ${k} ${keptAnd} GROUP BY 6`,
      )
      .join("\n    ")}
    ${exclusion ? "UNION ALL\n    SELECT 2, NULL, NULL, NULL, 1, 0, count(*)::int, 0 FROM l WHERE excl" : ""}`;
  return { sql, scan };
}

/**
 * The funnel's units as CTEs ending in `l` (unit, t1…tn, pv, lvl, value, excl): each unit's step
 * times from raw events (or the rollup), its level, its attributed breakdown value and whether an
 * exclusion drops it. Funnels count from `l`; correlation splits its units by converting.
 */
export function buildLevelledUnitsSql(
  q: FunnelQuery,
  p: SqlParams,
  a: {
    from: string;
    to: string;
    /** The window from step 1, an SQL number of minutes. */
    windowMinutes: string;
    scan: { lo: string; hi: string } | null;
    events: EventsSql;
    rollupScan: () => { lo: string; hi: string };
    /** Units from this per-session summary source instead (the columnar copy's; see summary-units-sql.ts). */
    sessions?: string;
    /**
     * False when nothing reads the units' ids but the exclusion join: only units that reached an
     * exclusion's later step keep theirs (from the summary, without exclusions, none are read).
     */
    withIds?: boolean;
  },
): { ctes: string; exclusion: boolean } {
  const units = a.scan
    ? buildRawUnitsSql(q, p, a.from, a.to, a.scan, a.events)
    : a.sessions
      ? buildSummaryUnitsSql(q, p, a.from, a.to, a.sessions, (a.withIds ?? true) || q.exclusions.length > 0)
      : buildRollupUnitsSql(q, p, a.from, a.to, a.rollupScan);
  // The summary keeps no events between steps: exclusions read theirs over the funnel's scan.
  const exclusionScan = a.scan ?? (a.sessions && q.exclusions.length ? a.rollupScan() : null);
  const firstAndLast = a.sessions !== undefined && summaryKeepsExclusions(q);
  const exclusion = exclusionScan ? buildExclusionSql(q, p, exclusionScan, a.events, firstAndLast) : null;
  const xs = firstAndLast ? q.exclusions.map((_, m) => `xf${m + 1}, xl${m + 1}, `).join("") : "";
  const n = q.steps.length;
  const ks = Array.from({ length: n }, (_, i) => i + 1);
  const ts = ks.map((k) => `t${k}`).join(", ");
  const reach = Math.min(...q.exclusions.map((x) => x.toStep));
  // Level first, then the breakdown value (attributed from the steps reached) and exclusion.
  const rest = `${ts}, ${xs}${a.scan ? ks.map((k) => (q.breakdown ? `v${k}, ` : "")).join("") : "value, "}pv`;
  const levelledAll = `SELECT unit, ${rest},
      ${buildLevelSql(q.order, n, a.windowMinutes, q.steps, a.events.time)} AS lvl
    FROM (${units}) units`;
  // Materialized units without the ids nothing reads (at 100M events, 10M ids of 36 bytes).
  const levelled =
    exclusion && a.withIds === false
      ? `SELECT CASE WHEN lvl >= ${reach} THEN unit END AS unit, ${rest}, lvl FROM (${levelledAll}) u`
      : levelledAll;
  const value = a.scan ? buildAttributedValueSql(q) : "value";
  // With exclusions, l0 is read twice (the join finding the units to drop, then l): keep it once.
  const cols = `l0.unit, ${ts}, pv, lvl, ${value} AS value`;
  // Only a unit that reached an exclusion's later step can be dropped: the join looks at those alone
  // (a few percent of the units), the rest pass straight through.
  const l = exclusion
    ? `SELECT ${cols}, false AS excl FROM l0 WHERE lvl < ${reach}
      UNION ALL
      SELECT ${cols}, ex.unit IS NOT NULL AS excl FROM l0 LEFT JOIN ex ON ex.unit = l0.unit WHERE l0.lvl >= ${reach}`
    : `SELECT ${cols}, false AS excl FROM l0`;
  const ctes = `l0 AS ${exclusion ? "MATERIALIZED " : ""}(${levelled}),
    ${exclusion ? `${exclusion},` : ""}
    l AS MATERIALIZED (${l})`;
  return { ctes, exclusion: exclusion !== null };
}
