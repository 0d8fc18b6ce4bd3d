import { currentFindingsSql } from "@/lib/findings/finding-sql";
import { addWindow, daysOf, resolveWindow, Where } from "@/lib/findings/lake-window";
import { activeRules, suppressedBySql } from "@/lib/findings/suppressions";
import type { Queryable } from "@/lib/ports/database";
import type { LakeParam, LakeQueryEngine, LakeQueryStats } from "@/lib/ports/lake-query";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const STATS_DAYS = 30;

/** What the findings of one rule (`finding_type` = `Sightline:<id>`) say about it. */
export interface RuleHitStats {
  hits24h: number;
  hits7d: number;
  lastFiredMs: number | null;
  findings30d: number;
  falsePositives30d: number;
}

/** The words analysts write when they close a finding that was not an attack. */
const FALSE_POSITIVE_WORDS = /false[\s-]?positive|\bfp\b|benign|expected|not malicious/i;

/**
 * Whether an analyst's triage says a finding was a false positive: suppressed (the status for
 * noise, which takes a reason), or resolved with a reason in those words. Resolving alone says
 * nothing either way (a real attack is resolved too), so it does not count.
 */
export function triagedAsFalsePositive(t: { status: string; reason: string | null }): boolean {
  return t.status === "suppressed" || (t.status === "resolved" && FALSE_POSITIVE_WORDS.test(t.reason ?? ""));
}

/** Sightline findings an analyst has triaged (any status but new), recent enough to matter for 30 days. */
async function triagedSightline(db: Queryable): Promise<{ falsePositive: string[]; other: string[] }> {
  const rows = await db.query<{ finding_id: string; status: string; reason: string | null }>(
    `SELECT finding_id, status, reason FROM finding_triage
     WHERE status <> 'new' AND finding_id LIKE 'sl-%' AND updated_at > now() - interval '60 days'`,
  );
  return {
    falsePositive: rows.filter(triagedAsFalsePositive).map((r) => r.finding_id),
    other: rows.filter((r) => !triagedAsFalsePositive(r)).map((r) => r.finding_id),
  };
}

const inList = (column: string, ids: string[]) =>
  ids.length ? `${column} IN (${ids.map(() => "?").join(", ")})` : "false";

/**
 * One lake query over the current findings of the last 30 days (pruned by `dt`), grouped by
 * finding type: findings last seen in 24 h and 7 days, the last time one was seen, and how many
 * were false positives — triaged so, or hidden by a suppression rule while no analyst set a status.
 */
export async function ruleHitStats(
  ctx: { db: Queryable; lake: LakeQueryEngine },
  opts: { now?: number; ruleId?: string } = {},
): Promise<{ byType: Map<string, RuleHitStats>; stats: LakeQueryStats }> {
  const now = opts.now ?? Date.now();
  const d = ctx.lake.dialect;
  const win = resolveWindow({ from: new Date(now - STATS_DAYS * DAY).toISOString(), to: new Date(now).toISOString() });
  const scan = addWindow(new Where(), d, "updated_at", win);
  if (opts.ruleId) scan.add("finding_type = ?", `Sightline:${opts.ruleId}`);
  else scan.add("finding_type LIKE 'Sightline:%'");
  const triaged = await triagedSightline(ctx.db);
  const suppressed = suppressedBySql(await activeRules(ctx.db));
  const allTriaged = [...triaged.falsePositive, ...triaged.other];
  const fp = `${inList("finding_id", triaged.falsePositive)} OR (suppressed_by IS NOT NULL AND NOT (${inList("finding_id", allTriaged)}))`;
  const sql = `SELECT finding_type,
      count(CASE WHEN last_seen_ms >= ? THEN 1 END) AS h24,
      count(CASE WHEN last_seen_ms >= ? THEN 1 END) AS h7,
      max(last_seen_ms) AS last_ms,
      count(*) AS n,
      count(CASE WHEN ${fp} THEN 1 END) AS fp
    FROM (SELECT c0.*, ${suppressed} AS suppressed_by FROM (${currentFindingsSql(d, scan.sql(), daysOf(win), "list")}) c0) c
    GROUP BY finding_type`;
  const params: LakeParam[] = [now - DAY, now - 7 * DAY, ...triaged.falsePositive, ...allTriaged, ...scan.params];
  const res = await ctx.lake.query<{
    finding_type: string;
    h24: number;
    h7: number;
    last_ms: number | null;
    n: number;
    fp: number;
  }>(sql, params);
  const byType = new Map(
    res.rows.map((r) => [
      r.finding_type,
      {
        hits24h: Number(r.h24),
        hits7d: Number(r.h7),
        lastFiredMs: r.last_ms === null ? null : Number(r.last_ms),
        findings30d: Number(r.n),
        falsePositives30d: Number(r.fp),
      },
    ]),
  );
  return { byType, stats: res.stats };
}
