import type { TimeSql } from "@/lib/ports/event-lake";
import type { FunnelQuery, FunnelStep } from "@/lib/schemas/funnel";
import { buildUnitSql } from "./identity";
import { ATTRIBUTES, buildLevelSql, isKeptByRollup } from "./session-rollup";
import { WAREHOUSE_TIME } from "./warehouse-time";

/**
 * The per-unit rows of a funnel as SQL: for each unit (and product, for same-product funnels) the
 * first occurrence of every step t1…tn and its product value — read from the session rollup
 * (joined with the events of the steps it does not keep) or from raw events, which also give, with
 * a breakdown, the value on the event matched as each step (v1…vn; the funnel attributes one).
 */

export const DAY = 86_400_000;
export const SESSION_SPAN_MS = DAY; // the tracker rotates sessions after 24 h

const BREAKDOWN_ROLLUP: Record<string, string> = {
  category: "category",
  brand: "brand",
  login_state: "login_state",
  identity_source: "identity_source",
  first_visit: "first_visit",
};

/** Positional parameters of one statement, numbered in the order they are added. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** Which events a step (or an exclusion) matches, over the events alias `e`. */
export function buildStepPredicate(
  s: Omit<FunnelStep, "minMinutesFromPrevious" | "maxMinutesFromPrevious">,
  p: SqlParams,
  e = "e",
): string {
  const parts = [`${e}.event_name = ${p.add(s.event)}`];
  if (s.productId) parts.push(`${e}.product_id = ${p.add(s.productId)}`);
  if (s.category) parts.push(`${e}.product_category = ${p.add(s.category)}`);
  if (s.brand) parts.push(`${e}.product_brand = ${p.add(s.brand)}`);
  if (s.loginState) parts.push(`${e}.user_login_state = ${p.add(s.loginState)}`);
  // A boolean from the schema, written as a literal: lake engines take text and number parameters only.
  if (s.firstVisit !== undefined) parts.push(`${e}.is_first_visit = ${s.firstVisit ? "true" : "false"}`);
  return parts.join(" AND ");
}

export const toStepKey = (s: FunnelStep) =>
  JSON.stringify([s.event, s.productId, s.category, s.brand, s.loginState, s.firstVisit]);

export function buildRollupUnitsSql(
  q: FunnelQuery,
  p: SqlParams,
  from: string,
  to: string,
  scanParams: () => { lo: string; hi: string },
): string {
  // Steps the rollup does not keep: first occurrence per session from the events of those steps
  // alone, over the same range the raw path scans (sessions span at most a day).
  const fromEvents = q.steps.map((s, i) => (isKeptByRollup(s) ? null : { i, pred: buildStepPredicate(s, p) }));
  const wanted = fromEvents.filter((x) => x !== null);
  const col = (i: number) => (fromEvents[i] ? `ev.t${i + 1}` : `f.${q.steps[i]?.event}`);
  const cols = q.steps.map((_, i) => `${col(i)} AS t${i + 1}`).join(", ");
  const value = q.breakdown ? `f.${BREAKDOWN_ROLLUP[q.breakdown]}::text` : "NULL::text";
  const scan = wanted.length ? scanParams() : null;
  const join = scan
    ? `LEFT JOIN (SELECT e.session_id, ${wanted.map((x) => `min(e.event_timestamp) FILTER (WHERE ${x.pred}) AS t${x.i + 1}`).join(", ")}
        FROM clickstream_events e
        WHERE e.event_timestamp >= ${scan.lo} AND e.event_timestamp < ${scan.hi} AND (${wanted.map((x) => `(${x.pred})`).join(" OR ")})
        GROUP BY e.session_id) ev ON ev.session_id = f.session_id`
    : "";
  return `SELECT f.session_id AS unit, ${cols}, ${value} AS value, f.product_value AS pv
    FROM clickstream_session_funnel f ${join}
    WHERE f.started_at >= ${from}::timestamptz - interval '${SESSION_SPAN_MS / 1000} seconds' AND f.started_at < ${to}
      AND ${col(0)} >= ${from} AND ${col(0)} < ${to}`;
}

/** Where raw events are read, and the one aggregate the engines spell differently. */
export interface EventsSql {
  /** FROM source with the warehouse's columns. */
  source: string;
  /** FROM source of the identity map (client_id, user_id, merged_at, event_id); see identity.ts. */
  identitiesSource: string;
  /** The group's first non-null `value` ordered by `order`. */
  firstValue(value: string, order: readonly string[]): string;
  /** `value` (null or not) on the group's first row, by `order`, where `filter` holds. */
  valueAt(value: string, order: readonly string[], filter: string): string;
  /** Time arithmetic in the engine's spelling. */
  time: TimeSql;
}

/** The warehouse table in Postgres. */
export const WAREHOUSE_EVENTS: EventsSql = {
  source: "clickstream_events",
  identitiesSource: "clickstream_identities",
  firstValue: (v, order) => `(array_agg(${v} ORDER BY ${order.join(", ")}) FILTER (WHERE ${v} IS NOT NULL))[1]`,
  valueAt: (v, order, filter) => `(array_agg(${v} ORDER BY ${order.join(", ")}) FILTER (WHERE ${filter}))[1]`,
  time: WAREHOUSE_TIME,
};

/** The per-unit rows from raw events (the warehouse's, or the columnar copy's). */
export function buildRawUnitsSql(
  q: FunnelQuery,
  p: SqlParams,
  from: string,
  to: string,
  scan: { lo: string; hi: string },
  events: EventsSql = WAREHOUSE_EVENTS,
): string {
  const { expr: unitExpr, join } = buildUnitSql(q.unit, events);
  const preds = q.steps.map((s) => buildStepPredicate(s, p));
  // The n-th occurrence of a step definition used n times.
  const seen = new Map<string, number>();
  const nth = q.steps.map((s) => {
    const k = toStepKey(s);
    seen.set(k, (seen.get(k) ?? 0) + 1);
    return seen.get(k) as number;
  });
  const repeated = new Set(q.steps.map(toStepKey).filter((k) => (seen.get(k) ?? 0) > 1));
  const group = q.sameProduct ? "unit, prod" : "unit";
  // Without a breakdown there is no first-seen value to aggregate (on DuckDB that aggregate over every
  // event was 40% of a 30-day funnel at 20M events: docs/performance.md).
  const attr = q.breakdown ? ATTRIBUTES[q.breakdown]("e") : "NULL";
  // Events are ordered by (time, event id): the order the rollup's text keys (`buildOrderKeySql`) encode,
  // compared directly (timestamps and uuids order the same as their key text) instead of formatting
  // a key per event.
  const base = `SELECT ${unitExpr} AS unit, e.event_timestamp AS ts, e.product_id, e.event_id AS eid,
      ${attr} AS attr, ${ATTRIBUTES.product_value("e")} AS pv,
      ${preds.map((pr, i) => `(${pr}) AS s${i + 1}`).join(", ")}
      ${q.order === "strict" ? `, row_number() OVER (PARTITION BY ${unitExpr} ORDER BY e.event_timestamp, e.event_id) AS rn` : ""}
    FROM ${events.source} e ${join}
    WHERE e.event_timestamp >= ${scan.lo} AND e.event_timestamp < ${scan.hi} AND ${unitExpr} IS NOT NULL`;
  const withProduct = q.sameProduct
    ? `SELECT b.*, p.product_id AS prod FROM base b
       LEFT JOIN (SELECT DISTINCT unit, product_id FROM base WHERE product_id IS NOT NULL) p
         ON p.unit = b.unit AND (b.product_id IS NULL OR b.product_id = p.product_id)
       WHERE b.product_id IS NULL OR p.product_id IS NOT NULL`
    : "SELECT b.*, NULL::text AS prod FROM base b";
  const occurrences = q.steps
    .map((s, i) =>
      repeated.has(toStepKey(s))
        ? `, count(*) FILTER (WHERE s${i + 1}) OVER (PARTITION BY ${group} ORDER BY ts, eid ROWS UNBOUNDED PRECEDING) AS o${i + 1}`
        : "",
    )
    .join("");
  const hit = (i: number) =>
    repeated.has(toStepKey(q.steps[i] as FunnelStep)) ? `s${i + 1} AND o${i + 1} = ${nth[i]}` : `s${i + 1}`;
  const perGroup = `SELECT ${group},
      ${q.steps.map((_, i) => `min(ts) FILTER (WHERE ${hit(i)}) AS t${i + 1}`).join(", ")}
      ${q.order === "strict" ? `, ${q.steps.map((_, i) => `min(rn) FILTER (WHERE ${hit(i)}) AS r${i + 1}`).join(", ")}` : ""}
      ${q.breakdown ? q.steps.map((_, i) => `, ${events.valueAt("attr", ["ts", "eid"], hit(i))}::text AS v${i + 1}`).join("") : ""},
      ${events.firstValue("pv", ["ts", "eid"])} AS pv
    FROM (SELECT *${occurrences} FROM (${withProduct}) x) y
    GROUP BY ${group}`;
  const stepCols = q.steps.map((_, i) => `t${i + 1}`).join(", ");
  const rankCols = q.order === "strict" ? `, ${q.steps.map((_, i) => `r${i + 1}`).join(", ")}` : "";
  const valueCols = q.breakdown ? `, ${q.steps.map((_, i) => `v${i + 1}`).join(", ")}` : "";
  const entered = `SELECT * FROM (${perGroup}) g WHERE t1 >= ${from} AND t1 < ${to}`;
  if (!q.sameProduct)
    return `WITH base AS (${base}) SELECT unit, ${stepCols}${rankCols}${valueCols}, pv FROM (${entered}) z`;
  // Same product: the unit's best product (furthest step, then earliest finish).
  return `WITH base AS (${base})
    SELECT DISTINCT ON (unit) unit, ${stepCols}${rankCols}${valueCols}, pv
    FROM (SELECT *, ${buildLevelSql(q.order, q.steps.length, p.add(q.windowMinutes), q.steps, events.time)} AS lvl FROM (${entered}) z) w
    ORDER BY unit, lvl DESC, t1, prod`;
}
