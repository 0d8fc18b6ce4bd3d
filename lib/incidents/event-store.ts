import type { Queryable } from "@/lib/ports/database";
import type { IncidentEventDto } from "@/lib/schemas/incidents";

/** The kinds `incident_events.kind` accepts (its CHECK constraint). */
export type EventKind =
  | "finding"
  | "enrichment"
  | "approval"
  | "action"
  | "evidence"
  | "notification"
  | "undo"
  | "outcome"
  | "error";

export async function addEvent(
  q: Queryable,
  incidentId: string,
  e: { kind: EventKind; step: string; ok: boolean; summary: string; detail?: unknown; actor?: string },
): Promise<void> {
  await q.query(
    "INSERT INTO incident_events (incident_id, kind, step, ok, actor, summary, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    [incidentId, e.kind, e.step, e.ok, e.actor ?? "system", e.summary, JSON.stringify(e.detail ?? {})],
  );
}

/** The incident's whole timeline, oldest first. */
export async function listTimeline(q: Queryable, incidentId: string): Promise<IncidentEventDto[]> {
  const rows = await q.query<Omit<IncidentEventDto, "id" | "at"> & { id: string; at: Date }>(
    "SELECT id, at, kind, step, ok, actor, summary, detail FROM incident_events WHERE incident_id = $1 ORDER BY id",
    [incidentId],
  );
  return rows.map((e) => ({ ...e, id: Number(e.id), at: new Date(e.at).toISOString() }));
}

/** What the cloud calls and evidence checks did, oldest first (the lines of the outcome notification). */
export async function listActionResults(q: Queryable, incidentId: string): Promise<{ summary: string; ok: boolean }[]> {
  return q.query<{ summary: string; ok: boolean }>(
    "SELECT summary, ok FROM incident_events WHERE incident_id = $1 AND kind IN ('action', 'evidence') ORDER BY id",
    [incidentId],
  );
}

/** How many releases were requested so far (numbers the next release's execution name). */
export async function countReleaseRequests(q: Queryable, incidentId: string): Promise<number> {
  const [n] = await q.query<{ n: string }>(
    "SELECT count(*) AS n FROM incident_events WHERE incident_id = $1 AND step = 'RequestRelease'",
    [incidentId],
  );
  return Number(n?.n ?? 0);
}

/** The evidence record of a key on the incident's timeline (with its SHA-256), or null when it was never recorded there. */
export async function findRecordedEvidence(
  q: Queryable,
  incidentId: string,
  key: string,
): Promise<{ sha256: string } | null> {
  const [rec] = await q.query<{ sha256: string }>(
    "SELECT detail->>'sha256' AS sha256 FROM incident_events WHERE incident_id = $1 AND kind = 'evidence' AND detail->>'key' = $2 LIMIT 1",
    [incidentId, key],
  );
  return rec ?? null;
}
