import type { TimeSql } from "@/lib/ports/event-lake";
import type { FunnelStep } from "@/lib/schemas/funnel";
import { WAREHOUSE_TIME } from "./warehouse-time";

/**
 * The definitions the session rollup and the raw-event funnel queries share, so both paths count
 * the same thing by construction.
 *
 * - A step counts at its **first occurrence** in the unit.
 * - A session's attributes (category, brand, login state, …) are **first seen** (a funnel breakdown
 *   takes its value from the step events instead, read from raw events): the value on its
 *   earliest event that carries one, ties broken by event id — `buildOrderKeySql` orders events that way.
 */

/** Steps kept per session by the rollup (also the standard funnel's vocabulary). */
export const ROLLUP_STEPS = [
  "page_view",
  "category_view",
  "product_view",
  "add_to_cart",
  "checkout_start",
  "purchase",
] as const;
export type RollupStep = (typeof ROLLUP_STEPS)[number];

/** A step the rollup keeps: a standard event with no filter (others are read from the events). */
export const isKeptByRollup = (s: FunnelStep) =>
  (ROLLUP_STEPS as readonly string[]).includes(s.event) &&
  !s.productId &&
  !s.category &&
  !s.brand &&
  !s.loginState &&
  s.firstVisit === undefined;

/** Text key ordering events by (time, event id), byte-wise. `e` is the events alias. */
export const buildOrderKeySql = (e: string) =>
  `(to_char(${e}.event_timestamp AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') || ${e}.event_id::text) COLLATE "C"`;

/** Unit attributes (first seen), as SQL over an events alias. */
export const ATTRIBUTES = {
  category: (e: string) => `${e}.product_category`,
  brand: (e: string) => `${e}.product_brand`,
  login_state: (e: string) => `${e}.user_login_state`,
  identity_source: (e: string) => `${e}.identity_source`,
  first_visit: (e: string) => `${e}.is_first_visit`,
  user_id: (e: string) => `${e}.user_id`,
  /** What the unit's first product costs (the discount price when there is one). */
  product_value: (e: string) => `coalesce(${e}.product_discount_price, ${e}.product_price)`,
} as const;
export type Attribute = keyof typeof ATTRIBUTES;
const ATTRIBUTE_NAMES = Object.keys(ATTRIBUTES) as Attribute[];

/** Aggregates computing every first-seen attribute (value and key) over a group of events aliased `e`. */
export const buildFirstSeenAggregates = (e: string) =>
  ATTRIBUTE_NAMES.flatMap((a) => {
    const v = ATTRIBUTES[a](e);
    return [
      `(array_agg(${v} ORDER BY ${buildOrderKeySql(e)}) FILTER (WHERE ${v} IS NOT NULL))[1] AS ${a}`,
      `min(${buildOrderKeySql(e)}) FILTER (WHERE ${v} IS NOT NULL) AS ${a}_key`,
    ];
  });

/** The key `buildOrderKeySql` builds, computed in TypeScript (same text: microsecond timestamp digits, then the lowercase id). */
export const computeOrderKey = (ms: number, eventId: string) =>
  `${new Date(ms).toISOString().replace(/\D/g, "")}000${eventId.toLowerCase()}`;

/** One session's contribution (from newly inserted events) to the rollup. */
export interface SessionDelta {
  sessionId: string;
  clientId: string;
  startedAt: number;
  events: number;
  steps: Partial<Record<RollupStep, number>>;
  attributes: Partial<Record<Attribute, { value: unknown; key: string }>>;
}

const ATTRIBUTE_TYPES: Record<Attribute, string> = {
  category: "text",
  brand: "text",
  login_state: "text",
  identity_source: "text",
  first_visit: "bool",
  user_id: "text",
  product_value: "numeric",
};

/**
 * Merge of session deltas into the rollup (one array per column): first occurrences merge with LEAST,
 * first-seen attributes keep the smaller key, counts add. Exact under any arrival order because only
 * events the primary key accepted make deltas.
 */
export const SESSION_ROLLUP_MERGE = (() => {
  const cols: [string, string][] = [
    ["session_id", "text"],
    ["client_id", "text"],
    ["started_at", "timestamptz"],
    ["events", "int4"],
    ...ROLLUP_STEPS.map((s): [string, string] => [s, "timestamptz"]),
    ...ATTRIBUTE_NAMES.flatMap((a): [string, string][] => [
      [a, ATTRIBUTE_TYPES[a]],
      [`${a}_key`, "text"],
    ]),
  ];
  return `INSERT INTO clickstream_session_funnel AS f (${cols.map((c) => c[0]).join(", ")})
  SELECT * FROM unnest(${cols.map((c, i) => `$${i + 1}::${c[1]}[]`).join(", ")})
  ON CONFLICT (session_id) DO UPDATE SET
    client_id = LEAST(f.client_id, EXCLUDED.client_id),
    started_at = LEAST(f.started_at, EXCLUDED.started_at),
    events = f.events + EXCLUDED.events,
    ${ROLLUP_STEPS.map((s) => `${s} = LEAST(f.${s}, EXCLUDED.${s})`).join(",\n    ")},
    ${ATTRIBUTE_NAMES.flatMap((a) => [
      `${a} = CASE WHEN f.${a}_key IS NULL OR EXCLUDED.${a}_key < f.${a}_key THEN coalesce(EXCLUDED.${a}, f.${a}) ELSE f.${a} END`,
      `${a}_key = LEAST(f.${a}_key, EXCLUDED.${a}_key)`,
    ]).join(",\n    ")}`;
})();

/** The merge statement's parameters for a set of deltas (sorted by session, so concurrent loads lock in one order). */
export function buildSessionRollupParams(deltas: SessionDelta[]): unknown[][] {
  const sorted = [...deltas].sort((a, b) => (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0));
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return [
    sorted.map((d) => d.sessionId),
    sorted.map((d) => d.clientId),
    sorted.map((d) => iso(d.startedAt)),
    sorted.map((d) => d.events),
    ...ROLLUP_STEPS.map((s) => sorted.map((d) => iso(d.steps[s]))),
    ...ATTRIBUTE_NAMES.flatMap((a) => [
      sorted.map((d) => d.attributes[a]?.value ?? null),
      sorted.map((d) => d.attributes[a]?.key ?? null),
    ]),
  ];
}

export type FunnelOrder = "sequential" | "strict" | "any";

/** Per-step limits on the time from the previous step (minutes; steps 2…n). */
export interface StepGap {
  minMinutesFromPrevious?: number;
  maxMinutesFromPrevious?: number;
}

/**
 * Conditions on step k's time from step k-1 (schema-checked whole minutes, written as literals);
 * any order measures the gap between the two either way round.
 */
function buildGapConds(order: FunnelOrder, k: number, gap: StepGap | undefined, time: TimeSql): string[] {
  const [a, b] = order === "any" ? [`least(t${k}, t${k - 1})`, `greatest(t${k}, t${k - 1})`] : [`t${k - 1}`, `t${k}`];
  const conds: string[] = [];
  if (gap?.minMinutesFromPrevious !== undefined)
    conds.push(time.atLeastMinutes(b, a, String(Math.trunc(gap.minMinutesFromPrevious))));
  if (gap?.maxMinutesFromPrevious !== undefined)
    conds.push(time.withinMinutes(b, a, String(Math.trunc(gap.maxMinutesFromPrevious))));
  return conds;
}

/**
 * Level reached (0…n) from per-unit columns t1…tn (first occurrence of each step; r1…rn, the
 * events' ranks, for strict), `windowMinutes` being an SQL number of minutes measured from step 1,
 * `gaps` the steps' limits on the time from the previous step, and `time` the engine's arithmetic.
 */
export function buildLevelSql(
  order: FunnelOrder,
  n: number,
  windowMinutes: string,
  gaps: readonly StepGap[] = [],
  time: TimeSql = WAREHOUSE_TIME,
): string {
  const conds: string[] = [];
  for (let k = 2; k <= n; k++) {
    const t = `t${k}`;
    let c: string;
    if (order === "sequential")
      c = `${t} IS NOT NULL AND ${t} >= t${k - 1} AND ${time.withinMinutes(t, "t1", windowMinutes)}`;
    else if (order === "strict")
      c = `${t} IS NOT NULL AND r${k} = r${k - 1} + 1 AND ${time.withinMinutes(t, "t1", windowMinutes)}`;
    else {
      const ts = Array.from({ length: k }, (_, i) => `t${i + 1}`).join(", ");
      c = `${t} IS NOT NULL AND ${time.withinMinutes(`greatest(${ts})`, `least(${ts})`, windowMinutes)}`;
    }
    conds.push([c, ...buildGapConds(order, k, gaps[k - 1], time)].join(" AND "));
  }
  const cases = conds.map((c, i) => `WHEN NOT (${c}) THEN ${i + 1}`);
  return `CASE ${cases.join(" ")} ELSE ${n} END`;
}

/**
 * Seconds from step 1 to step k of a unit (any order: the spread of steps 1…k), as a float (Postgres'
 * spelling unless the engine's `time` is given; whole seconds come out the same).
 */
export function buildElapsedSql(order: FunnelOrder, k: number, time: TimeSql = WAREHOUSE_TIME): string {
  if (order !== "any") return time.secondsBetween(`t${k}`, "t1");
  const ts = Array.from({ length: k }, (_, i) => `t${i + 1}`).join(", ");
  return time.secondsBetween(`greatest(${ts})`, `least(${ts})`);
}
