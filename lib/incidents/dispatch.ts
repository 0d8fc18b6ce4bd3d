import { activeRules, ruleMatches } from "@/lib/findings/suppressions";
import { activeChannels, type NotifyDeps } from "@/lib/notify/channel-rows";
import { flushDigests } from "@/lib/notify/digests";
import { notify } from "@/lib/notify/notify";
import type { Database } from "@/lib/ports/database";
import type { WorkflowEngine } from "@/lib/ports/workflow-engine";
import { type FindingEvent, findingFacts } from "./finding-event";
import { findingMessage } from "./messages";

export interface DispatchDeps {
  db: Database;
  workflows: WorkflowEngine;
  notify: NotifyDeps;
  /** GuardDuty score from which a finding starts incident response. */
  threshold: number;
  /** False in AWS, where the EventBridge rule starts incident response itself. */
  startIncidents: boolean;
  /** Findings last updated longer ago than this (imports of old logs) are recorded, not acted on. */
  maxAgeHours?: number;
}

export interface DispatchSummary {
  processed: number;
  notified: number;
  suppressed: number;
  historical: number;
  incidents: number;
  digests: number;
}

interface EventRow {
  finding_id: string;
  updated_at: Date;
  origin: string;
  severity: number;
  severity_vendor: number | null;
  event: FindingEvent;
}

/**
 * Takes the findings the ETL raised and acts on each once: suppressed findings (a suppression
 * rule matches) never notify or open incidents; historical ones (old logs being imported) are
 * only recorded; the rest notify through every channel (dedup and rate limits apply) and, from
 * the threshold up, start incident response. The outcome is kept on the event row.
 */
export async function dispatchFindingEvents(deps: DispatchDeps, limit = 2000): Promise<DispatchSummary> {
  const s: DispatchSummary = { processed: 0, notified: 0, suppressed: 0, historical: 0, incidents: 0, digests: 0 };
  const rows = await deps.db.query<EventRow>(
    `UPDATE finding_events SET dispatched_at = now()
     WHERE (finding_id, updated_at) IN (
       SELECT finding_id, updated_at FROM finding_events WHERE dispatched_at IS NULL
       ORDER BY raised_at, updated_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING finding_id, updated_at, origin, severity, severity_vendor, event`,
    [limit],
  );
  rows.sort((a, b) => new Date(a.updated_at).getTime() - new Date(b.updated_at).getTime());
  const rules = rows.length ? await activeRules(deps.db) : [];
  const channels = rows.length ? await activeChannels(deps.db) : [];
  const maxAgeMs = (deps.maxAgeHours ?? 24) * 3_600_000;
  for (const r of rows) {
    s.processed++;
    const f = findingFacts(r.event.detail ?? {});
    const outcome: Record<string, unknown> = {};
    const rule = rules.find((x) => ruleMatches(x, { type: f.type, resourceId: f.resourceId, principal: null }));
    if (rule) {
      outcome.suppressedBy = rule.id;
      s.suppressed++;
    } else if (Date.now() - new Date(r.updated_at).getTime() > maxAgeMs) {
      outcome.historical = true;
      s.historical++;
    } else {
      const { message, fingerprint } = findingMessage({ ...f, severity: r.severity });
      outcome.notified = await notify(deps.notify, message, fingerprint, channels);
      s.notified++;
      if (deps.startIncidents && r.origin === "guardduty" && (r.severity_vendor ?? 0) >= deps.threshold) {
        const name = `${f.findingId}-${new Date(r.updated_at).getTime()}`.replace(/[^A-Za-z0-9_-]/g, "_").slice(-80);
        const started = await deps.workflows.start("incident-response", name, r.event as never);
        outcome.execution = started.executionId;
        s.incidents++;
      }
    }
    await deps.db.query("UPDATE finding_events SET outcome = $3 WHERE finding_id = $1 AND updated_at = $2", [
      r.finding_id,
      r.updated_at,
      JSON.stringify(outcome),
    ]);
  }
  s.digests = await flushDigests(deps.notify);
  return s;
}
