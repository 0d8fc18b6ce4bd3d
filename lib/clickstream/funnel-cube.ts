import type { Queryable } from "@/lib/ports/database";
import {
  FUNNEL_BREAKDOWNS,
  type FunnelQuery,
  STANDARD_FUNNEL_STEPS,
  STANDARD_FUNNEL_WINDOWS,
} from "@/lib/schemas/funnel";
import { getRawOnlyReason } from "./funnel-rules-sql";
import { buildElapsedSql, buildLevelSql, isKeptByRollup } from "./session-rollup";

/**
 * Standard funnels, pre-aggregated (see ARCHITECTURE.md, "Funnels"). A preset is a fixed step list,
 * window and order counted by session; per step-1 day the cube keeps, for no breakdown and for each
 * breakdown, how many sessions reached each level and their product value, and how many reached
 * step k after s whole seconds. Every figure a funnel shows is a sum over days of these, so a preset
 * over whole UTC days is answered from a few thousand rows instead of every session.
 *
 * The cube is computed from the session rollup with the same level and elapsed-time SQL as the
 * rollup and raw paths, day by day; the warehouse ETL recomputes the days it touched at the end of
 * each run (a late event can move a session's step 1 back by up to a day, so the day before is
 * included). A range with a day the cube has not computed, and that has sessions, falls back to the
 * session rollup.
 */

export const CUBE_ORDERS = ["sequential", "any"] as const;

/** The standard funnel's steps at one window and order. Windows are under an hour, so every elapsed time is stored to the second. */
export interface CubePreset {
  id: string;
  windowMinutes: number;
  order: (typeof CUBE_ORDERS)[number];
}

export const CUBE_PRESETS: readonly CubePreset[] = STANDARD_FUNNEL_WINDOWS.flatMap((windowMinutes) =>
  CUBE_ORDERS.map((order) => ({ id: `purchase:${windowMinutes}m:${order}`, windowMinutes, order })),
);

const DAY = 86_400_000;
const isMidnight = (iso: string) => Date.parse(iso) % DAY === 0;
const formatDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The preset answering `q` exactly, or null (other steps, a filter, another window, unit or order,
 * part days, or what only raw events answer: see `getRawOnlyReason`, which words why).
 */
export function findCubePreset(q: FunnelQuery): CubePreset | null {
  if (q.path !== "auto" || q.unit !== "session" || q.sameProduct || getRawOnlyReason(q)) return null;
  if (!isMidnight(q.from) || !isMidnight(q.to)) return null;
  if (!q.steps.every(isKeptByRollup)) return null;
  if (q.steps.map((s) => s.event).join(",") !== STANDARD_FUNNEL_STEPS.join(",")) return null;
  return CUBE_PRESETS.find((p) => p.windowMinutes === q.windowMinutes && p.order === q.order) ?? null;
}

/** Cube rows in the shape the funnel's summariser reads, or null when some day of the range is not computed. */
export async function readFunnelCube(
  db: Queryable,
  preset: CubePreset,
  q: FunnelQuery,
): Promise<{
  levels: { lvl: number; value: string | null; day: string; n: number; pv: number }[];
  times: { k: number; sec: number; n: number }[];
  sql: string;
} | null> {
  const from = q.from.slice(0, 10);
  const to = q.to.slice(0, 10);
  // Every day must be computed, or hold no session at all (a session whose step 1 falls on day d
  // started within a day of it): days before the first data, or before the cube existed, count.
  const [missing] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM generate_series($2::date, $3::date - 1, interval '1 day') AS d
     WHERE NOT EXISTS (SELECT 1 FROM clickstream_funnel_cube_days c WHERE c.preset = $1 AND c.day = d::date)
       AND EXISTS (SELECT 1 FROM clickstream_session_funnel f
                   WHERE f.started_at > (d::date - 1)::timestamp AT TIME ZONE 'UTC'
                     AND f.started_at < (d::date + 1)::timestamp AT TIME ZONE 'UTC')`,
    [preset.id, from, to],
  );
  if ((missing?.n ?? 0) > 0) return null;
  const levelsSql = `SELECT lvl, value, day::text AS day, n, pv FROM clickstream_funnel_cube
    WHERE preset = $1 AND dim = $2 AND day >= $3::date AND day < $4::date`;
  const timesSql = `SELECT k, sec, sum(n)::int AS n FROM clickstream_funnel_cube_times
    WHERE preset = $1 AND day >= $2::date AND day < $3::date GROUP BY k, sec`;
  const [levels, times] = await Promise.all([
    db.query<{ lvl: number; value: string | null; day: string; n: number; pv: number }>(levelsSql, [
      preset.id,
      q.breakdown ?? "none",
      from,
      to,
    ]),
    db.query<{ k: number; sec: number; n: number }>(timesSql, [preset.id, from, to]),
  ]);
  return { levels, times, sql: `${levelsSql};\n\n${timesSql}` };
}

const BREAKDOWN_COLUMN: Record<(typeof FUNNEL_BREAKDOWNS)[number], string> = {
  category: "category",
  brand: "brand",
  login_state: "login_state",
  identity_source: "identity_source",
  first_visit: "first_visit::text",
};

/**
 * Recomputes every preset for the step-1 days in [fromDay, toDay) from the session rollup, and
 * records the days as computed: one transaction, one read of the rollup for every preset (the units
 * are materialized once, with each preset's level beside them). Safe to repeat.
 */
export async function refreshFunnelCube(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  fromDay: string,
  toDay: string,
): Promise<void> {
  const from = `${fromDay}T00:00:00Z`;
  const to = `${toDay}T00:00:00Z`;
  const lit = (v: string) => `'${v.replace(/'/g, "''")}'`;
  const steps = STANDARD_FUNNEL_STEPS;
  const n = steps.length;
  // Sessions last at most a day, so a session whose step 1 is in the range started at most a day before it.
  const units = `SELECT ${steps.map((s, i) => `f.${s} AS t${i + 1}`).join(", ")}, ${FUNNEL_BREAKDOWNS.map((d) => `f.${BREAKDOWN_COLUMN[d]} AS ${d}`).join(", ")},
      f.product_value AS pv
    FROM clickstream_session_funnel f
    WHERE f.started_at >= $1::timestamptz - interval '1 day' AND f.started_at < $2::timestamptz
      AND f.${steps[0]} >= $1::timestamptz AND f.${steps[0]} < $2::timestamptz`;
  const levels = CUBE_PRESETS.map((p, i) => `${buildLevelSql(p.order, n, String(p.windowMinutes))} AS l${i}`).join(
    ", ",
  );
  const dimOf = `CASE ${FUNNEL_BREAKDOWNS.map((d) => `WHEN grouping(${d}) = 0 THEN '${d}'`).join(" ")} ELSE 'none' END`;
  const breakdownValue = `CASE ${FUNNEL_BREAKDOWNS.map((d) => `WHEN grouping(${d}) = 0 THEN ${d}`).join(" ")} END`;
  const levelRows = CUBE_PRESETS.map((p, i) => {
    const sets = [`(day, l${i})`, ...FUNNEL_BREAKDOWNS.map((d) => `(day, l${i}, ${d})`)].join(", ");
    return `SELECT ${lit(p.id)}, day, ${dimOf}, ${breakdownValue}, l${i}, count(*), coalesce(sum(pv), 0)
      FROM levelled GROUP BY GROUPING SETS (${sets})`;
  });
  const timeRows = CUBE_PRESETS.flatMap((p, i) =>
    Array.from({ length: n - 1 }, (_, j) => j + 2).map(
      (k) => `SELECT ${lit(p.id)}, day, ${k}, floor(${buildElapsedSql(p.order, k)})::int, count(*)
        FROM levelled WHERE l${i} >= ${k} GROUP BY 2, 3, 4`,
    ),
  );
  await db.transaction(async (tx) => {
    // Hash the groups in memory rather than sorting millions of units on disk.
    await tx.query("SET LOCAL work_mem = '64MB'");
    const ids = CUBE_PRESETS.map((p) => p.id);
    await tx.query(
      "DELETE FROM clickstream_funnel_cube WHERE preset = ANY($1) AND day >= $2::date AND day < $3::date",
      [ids, fromDay, toDay],
    );
    await tx.query(
      "DELETE FROM clickstream_funnel_cube_times WHERE preset = ANY($1) AND day >= $2::date AND day < $3::date",
      [ids, fromDay, toDay],
    );
    await tx.query(
      `WITH levelled AS MATERIALIZED (SELECT *, (t1 AT TIME ZONE 'UTC')::date AS day, ${levels} FROM (${units}) u),
      lv AS (
        INSERT INTO clickstream_funnel_cube (preset, day, dim, value, lvl, n, pv)
        ${levelRows.join("\n          UNION ALL ")}
      )
      INSERT INTO clickstream_funnel_cube_times (preset, day, k, sec, n)
      ${timeRows.join("\n        UNION ALL ")}`,
      [from, to],
    );
    await tx.query(
      `INSERT INTO clickstream_funnel_cube_days (preset, day)
       SELECT p, d::date FROM unnest($1::text[]) AS p, generate_series($2::date, $3::date - 1, interval '1 day') AS d
       ON CONFLICT (preset, day) DO UPDATE SET refreshed_at = now()`,
      [ids, fromDay, toDay],
    );
  });
}

/**
 * The step-1 days that new events at [minMs, maxMs] can change: a session spans at most a day, so
 * its step 1 (before or after the change) is within a day of any of its events.
 */
export function getCubeDaysTouched(minMs: number, maxMs: number): { fromDay: string; toDay: string } {
  return { fromDay: formatDay(minMs - DAY), toDay: formatDay(maxMs + 2 * DAY) };
}
