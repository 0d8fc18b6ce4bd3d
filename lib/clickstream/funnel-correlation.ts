import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import { MAX_RAW_RANGE_DAYS } from "@/lib/schemas/funnel";
import {
  CORRELATION_TOP,
  type CorrelationItem,
  type FunnelCorrelationQuery,
  type FunnelCorrelationResult,
} from "@/lib/schemas/funnel-correlation";
import { ANALYTICS_ROLES, type AnalyticsCtx } from "./analytics-ctx";
import { runEventReport } from "./event-report";
import { buildCorrelationSql, type CorrelationRow } from "./funnel-correlation-sql";
import { computeScanRange } from "./funnel-query";
import { DAY } from "./funnel-units-sql";

/**
 * Correlation analysis of a funnel: which events and property values go with converting and which
 * with dropping out, counted in the engine (`buildCorrelationSql`), scored here.
 */

/**
 * Odds ratio with the Haldane–Anscombe correction (+½ in every cell), so an item every converter
 * (or none) had still has a finite ratio. With S converters of whom s had the item, and F
 * non-converters of whom f had it:
 *   odds among converters     = (s + ½) / (S − s + ½)
 *   odds among non-converters = (f + ½) / (F − f + ½)
 *   ratio = ((s + ½) · (F − f + ½)) / ((S − s + ½) · (f + ½))
 * (+1 would pull small groups too far: with 18 converters, none of whom removed an item, and 9 of
 * 282 non-converters who did, it called removing an item 1.4× more likely to convert.)
 * Above 1 the item goes with converting (success), below 1 with dropping out (failure).
 */
export function computeOddsRatio(s: number, S: number, f: number, F: number): number {
  return ((s + 0.5) * (F - f + 0.5)) / ((S - s + 0.5) * (f + 0.5));
}

/** Strength of an odds ratio, as a sortable whole number (1 and its inverse weigh the same). */
const strength = (ratio: number) => Math.round(Math.abs(Math.log(ratio)) * 1e9);

/** Items scored, without those with no correlation (ratio 1), strongest first (ties by name, value), the top ones. */
export function rankCorrelations(
  rows: readonly Pick<CorrelationRow, "name" | "value" | "s" | "f">[],
  totals: { converters: number; nonConverters: number },
  isEvent: boolean,
): CorrelationItem[] {
  const items = rows
    .map((r): CorrelationItem => {
      const oddsRatio = computeOddsRatio(r.s, totals.converters, r.f, totals.nonConverters);
      return {
        name: r.name,
        value: isEvent ? null : r.value,
        converters: r.s,
        nonConverters: r.f,
        oddsRatio,
        correlation: oddsRatio > 1 ? "success" : "failure",
      };
    })
    .filter((i) => strength(i.oddsRatio) > 0);
  const label = (i: CorrelationItem) => `${i.name}\u0000${i.value ?? ""}`;
  items.sort((a, b) => strength(b.oddsRatio) - strength(a.oddsRatio) || (label(a) < label(b) ? -1 : 1));
  return items.slice(0, CORRELATION_TOP);
}

/** The funnel's correlated events and property values: admins only; both engines count the same. */
export async function getFunnelCorrelation({
  ctx,
  input,
}: {
  ctx: AnalyticsCtx;
  input: FunnelCorrelationQuery;
}): Promise<FunnelCorrelationResult> {
  requireRole(ctx.principal, ANALYTICS_ROLES);
  const q = input.funnel;
  if (Date.parse(q.to) - Date.parse(q.from) > MAX_RAW_RANGE_DAYS * DAY)
    throw new AppError(
      "invalid_input",
      `Correlation reads raw events; its range can be at most ${MAX_RAW_RANGE_DAYS} days. Narrow the dates.`,
    );
  const answer = await runEventReport<CorrelationRow>({
    db: ctx.db,
    lake: ctx.eventLake,
    name: "The correlation analysis",
    // A funnel forced onto Postgres (its rollup or raw events) is correlated on Postgres's raw events.
    path: q.path === "columnar" ? "columnar" : q.path === "auto" ? "auto" : "warehouse",
    scan: computeScanRange(q),
    build: (events, p) => buildCorrelationSql(q, input.minUnits, events, p),
  });
  const rows = answer.rows.map((r) => ({ ...r, s: Number(r.s), f: Number(r.f) }));
  const total = rows.find((r) => r.kind === "total");
  const totals = { converters: total?.s ?? 0, nonConverters: total?.f ?? 0 };
  return {
    ...totals,
    minUnits: input.minUnits,
    events: rankCorrelations(
      rows.filter((r) => r.kind === "event"),
      totals,
      true,
    ),
    properties: rankCorrelations(
      rows.filter((r) => r.kind === "property"),
      totals,
      false,
    ),
    explain: answer.explain,
  };
}
