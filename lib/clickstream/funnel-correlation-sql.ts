import type { FunnelQuery } from "@/lib/schemas/funnel";
import type { CorrelationProperty } from "@/lib/schemas/funnel-correlation";
import { buildLevelledUnitsSql, computeScanRange } from "./funnel-query";
import type { EventsSql, SqlParams } from "./funnel-units-sql";
import { buildUnitSql } from "./identity";

/**
 * Correlation of a funnel as one statement on either engine: the funnel's entrants (the per-unit
 * SQL the funnel itself runs, with its levels and exclusions; excluded units are left out), each a
 * converter when it reached the last step; then, per event
 * name (the funnel's own steps left out) and per property value, how many converters and
 * non-converters had it between entering (step 1) and the end of the window. Items fewer than
 * `minUnits` units had are left out in the engine; one last row (`kind` 'total') counts the units.
 */

/** A count row: `s` converters and `f` non-converters had the event or value. */
export type CorrelationRow = { kind: string; name: string; value: string; s: number; f: number };

const PROPERTY_COLUMNS: Record<CorrelationProperty, string> = {
  category: "product_category",
  brand: "product_brand",
  login_state: "user_login_state",
  referrer: "referrer",
};

export function buildCorrelationSql(q: FunnelQuery, minUnits: number, events: EventsSql, p: SqlParams): string {
  const scan = computeScanRange(q);
  const lo = `${p.add(scan.from)}::timestamptz`;
  const hi = `${p.add(scan.to)}::timestamptz`;
  const from = `${p.add(q.from)}::timestamptz`;
  const to = `${p.add(q.to)}::timestamptz`;
  const windowMinutes = p.add(q.windowMinutes);
  const scanned = { lo, hi };
  const { ctes } = buildLevelledUnitsSql(q, p, {
    from,
    to,
    windowMinutes,
    scan: scanned,
    events,
    rollupScan: () => scanned,
  });
  const unit = buildUnitSql(q.unit, events, "e");
  const steps = [...new Set(q.steps.map((s) => s.event))].map((s) => p.add(s)).join(", ");
  const props = Object.entries(PROPERTY_COLUMNS).map(
    ([name, col]) => `SELECT DISTINCT unit, conv, 'property' AS kind, '${name}' AS name, ${col} AS value
      FROM x WHERE ${col} IS NOT NULL`,
  );
  return `WITH ${ctes}, u AS MATERIALIZED (
    SELECT unit, t1, CASE WHEN lvl = ${q.steps.length} THEN 1 ELSE 0 END AS conv FROM l WHERE NOT excl
  ), x AS MATERIALIZED (
    SELECT u.unit, u.conv, e.event_name, ${Object.values(PROPERTY_COLUMNS)
      .map((c) => `e.${c}`)
      .join(", ")}
    FROM ${events.source} e ${unit.join} JOIN u ON ${unit.expr} = u.unit
      AND e.event_timestamp >= u.t1 AND ${events.time.withinMinutes("e.event_timestamp", "u.t1", windowMinutes)}
    WHERE e.event_timestamp >= ${lo} AND e.event_timestamp < ${hi}
  ), hits AS (
    SELECT DISTINCT unit, conv, 'event' AS kind, event_name AS name, '' AS value
    FROM x WHERE event_name NOT IN (${steps})
    UNION ALL ${props.join("\n    UNION ALL ")}
  )
  SELECT kind, name, value, (count(*) FILTER (WHERE conv = 1))::int AS s, (count(*) FILTER (WHERE conv = 0))::int AS f
  FROM hits GROUP BY kind, name, value HAVING count(*) >= ${p.add(minUnits)}
  UNION ALL
  SELECT 'total', '', '', coalesce(sum(conv), 0)::int, (count(*) - coalesce(sum(conv), 0))::int FROM u`;
}
