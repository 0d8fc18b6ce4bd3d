import { requireRole } from "@/lib/auth/require-role";
import { findingDetection } from "@/lib/detections/finding-detection";
import { AppError } from "@/lib/errors";
import type { Queryable } from "@/lib/ports/database";
import type { FindingDetail } from "@/lib/schemas/findings";
import { type EntityMatch, type EventRow, entityEventsQuery, toActivityEvent } from "./entity-events";
import { entityIps } from "./entity-values";
import { currentFindingsSql, type FindingRow, jsonList, parseJsonText, toSummary } from "./finding-sql";
import { FINDINGS_ROLES, type LakeCtx } from "./lake-ctx";
import { resolveWindow } from "./lake-window";
import { combineStats } from "./query-stats";
import { activeRules, suppressedBySql } from "./suppressions";
import { historyFor, notesFor, triageFor } from "./triage-store";

/** How far around a finding we look for related activity. */
const RELATED_WINDOW_MS = 6 * 3_600_000;

/**
 * One finding with its triage overlay, notes, history and related activity: CloudTrail events,
 * VPC flows and other findings touching its principal, IPs, instances or access keys within
 * six hours either side; and what detected it (the Sightline rule with its runbook and a
 * sequence's steps, or GuardDuty's tactic). The lookup by id cannot be pruned by time (it says so).
 */
export async function getFinding({ ctx, id }: { ctx: LakeCtx; id: string }): Promise<FindingDetail> {
  requireRole(ctx.principal, FINDINGS_ROLES);
  const d = ctx.lake.dialect;
  const active = await activeRules(ctx.db);
  const rules = suppressedBySql(active);
  const found = await ctx.lake.query<FindingRow>(
    `SELECT c.*, ${rules} AS suppressed_by FROM (${currentFindingsSql(d, "finding_id = ?")}) c`,
    [id],
  );
  const row = found.rows[0];
  if (!row) throw new AppError("not_found", "No such finding");

  const indicators = {
    ip: entityIps(jsonList(row.any_ip)),
    arn: jsonList(row.any_arn),
    instance: jsonList(row.any_instance_id),
    accessKey: jsonList(row.any_access_key_id),
    account: jsonList(row.any_account_id),
  };
  const entities: EntityMatch[] = [
    ...indicators.ip.map((value) => ({ kind: "ip" as const, value })),
    ...indicators.arn.map((value) => ({ kind: "arn" as const, value })),
    ...indicators.instance.map((value) => ({ kind: "instance" as const, value })),
    ...indicators.accessKey.map((value) => ({ kind: "access-key" as const, value })),
  ].slice(0, 20);
  const stats = [found.stats];
  let related: FindingDetail["related"] = [];
  if (entities.length) {
    const win = resolveWindow({
      from: new Date(Number(row.first_seen_ms) - RELATED_WINDOW_MS).toISOString(),
      to: new Date(Number(row.last_seen_ms) + RELATED_WINDOW_MS).toISOString(),
    });
    const q = entityEventsQuery(d, entities, win, 200);
    const res = await ctx.lake.query<EventRow>(q.sql, q.params);
    stats.push(res.stats);
    related = res.rows.filter((r) => !(r.source === "finding" && r.event_id === id)).map(toActivityEvent);
  }

  const triage = (await triageFor(ctx.db, [id])).get(id);
  const { rn: _rn, ...raw } = row;
  const detail = parseJsonText(row.detail);
  return {
    finding: {
      ...toSummary(row, triage),
      description: row.description,
      explanation: row.explanation,
      matchedEventIds: jsonList(row.matched_event_ids),
      indicators,
      detail,
      raw,
      reason:
        triage && triage.status !== "new"
          ? triage.reason
          : (active.find((r) => r.id === row.suppressed_by)?.reason ?? null),
    },
    related,
    notes: await notesFor(ctx.db, id),
    history: await historyFor(ctx.db, id),
    incident: await incidentFor(ctx.db, id),
    detection: findingDetection(row.finding_type, detail),
    stats: combineStats(ctx.lake, stats, false),
  };
}

/** The incident a finding opened, or the one it joined (recorded on that incident's timeline). */
export async function incidentFor(db: Queryable, findingId: string): Promise<{ id: string; status: string } | null> {
  const [r] = await db.query<{ id: string; status: string }>(
    `SELECT id, status FROM incidents WHERE finding_id = $1
     UNION ALL
     SELECT i.id, i.status FROM incident_events e JOIN incidents i ON i.id = e.incident_id WHERE e.detail->>'findingId' = $1
     LIMIT 1`,
    [findingId],
  );
  return r ?? null;
}
