import type { Queryable } from "@/lib/ports/database";

/** The scheduled engine's bookkeeping: evaluated (rule, hour) pairs and how far lake_objects was read. */

/** Hours (epoch ms) of a rule already evaluated at or after `fromMs`. */
export async function listEvaluatedHours(db: Queryable, ruleId: string, fromMs: number): Promise<Set<number>> {
  const rows = await db.query<{ h: string }>(
    "SELECT (extract(epoch FROM hour_start) * 1000)::bigint AS h FROM detection_windows WHERE rule_id = $1 AND hour_start >= to_timestamp($2 / 1000.0)",
    [ruleId, fromMs],
  );
  return new Set(rows.map((r) => Number(r.h)));
}

/** The newest hour a rule was evaluated for, or null. */
export async function lastEvaluatedHour(db: Queryable, ruleId: string): Promise<number | null> {
  const [r] = await db.query<{ h: string | null }>(
    "SELECT (extract(epoch FROM max(hour_start)) * 1000)::bigint AS h FROM detection_windows WHERE rule_id = $1",
    [ruleId],
  );
  return r?.h == null ? null : Number(r.h);
}

export async function recordEvaluation(db: Queryable, ruleId: string, hourMs: number, findings: number): Promise<void> {
  await db.query(
    `INSERT INTO detection_windows (rule_id, hour_start, findings) VALUES ($1, to_timestamp($2 / 1000.0), $3)
     ON CONFLICT (rule_id, hour_start) DO UPDATE SET evaluated_at = now(), findings = EXCLUDED.findings`,
    [ruleId, hourMs, findings],
  );
}

/**
 * The lake hours (`<table>/<yyyy-mm-dd>/<hh>`) written by objects processed since the last run, and
 * the processing time they go up to (the next run starts there).
 */
export async function hoursWrittenSince(db: Queryable): Promise<{ hours: string[]; until: string | null }> {
  const [state] = await db.query<{ since: string }>("SELECT objects_seen_until::text AS since FROM detection_state");
  const rows = await db.query<{ hours: string[]; at: string }>(
    "SELECT hours, processed_at::text AS at FROM lake_objects WHERE processed_at > $1::timestamptz AND error IS NULL",
    [state?.since ?? "-infinity"],
  );
  const until = rows.reduce<string | null>((m, r) => (m === null || Date.parse(r.at) > Date.parse(m) ? r.at : m), null);
  return { hours: [...new Set(rows.flatMap((r) => r.hours))], until };
}

export async function markObjectsSeen(db: Queryable, until: string): Promise<void> {
  await db.query("UPDATE detection_state SET objects_seen_until = greatest(objects_seen_until, $1::timestamptz)", [
    until,
  ]);
}
