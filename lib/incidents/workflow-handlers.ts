import { createHash } from "node:crypto";
import { type EventRow, entityEventsQuery, toActivityEvent } from "@/lib/findings/entity-events";
import { type NotifyDeps, notify } from "@/lib/notify/notify";
import { type ApiResult, CloudActionError, type CloudControls } from "@/lib/ports/cloud-controls";
import type { Database, Queryable } from "@/lib/ports/database";
import type { LakeQueryEngine } from "@/lib/ports/lake-query";
import type { ObjectStore } from "@/lib/ports/object-store";
import type { Json } from "@/lib/ports/workflow-engine";
import { expirePendingReviews, registerReviewTask } from "@/lib/reviews/review-store";
import type { ProposedAction } from "@/lib/schemas/incidents";
import { collectionScript, parseEvidence } from "./collection-script";
import { type FindingEvent, findingFacts, isRootKey } from "./finding-event";
import { incidentMessage } from "./messages";
import { addEvent, type EventKind, findIncident, type IncidentRow, type OriginalState, setStatus } from "./store";

type Handler = (payload: Json) => Promise<Json>;

export interface IncidentConfig {
  /** How long an approval may wait before the Expired path. */
  approvalSeconds: number;
  /** Seconds between SSM status polls. */
  pollSeconds: number;
  /** Polls before evidence collection is declared timed out. */
  maxPolls: number;
  /** Evidence bucket name for the collection script (AWS); locally the simulated agent writes to the store. */
  evidenceBucket: string | null;
  /** Instance profile to swap in during quarantine (none: the profile is left alone). */
  quarantineProfileArn: string | null;
}

export interface IncidentDeps {
  db: Database;
  cloud: CloudControls;
  evidence: ObjectStore;
  notify: NotifyDeps;
  lake: LakeQueryEngine | null;
  config: IncidentConfig;
}

export const QUARANTINE_TAG = "sightline:quarantine";

/** Deterministic incident id per finding: a re-delivered event opens the same incident. */
export const incidentIdOf = (findingId: string) =>
  `inc-${createHash("sha256").update(findingId).digest("hex").slice(0, 16)}`;

const must = async (db: Queryable, id: string): Promise<IncidentRow> => {
  const i = await findIncident(db, id);
  if (!i) throw Object.assign(new Error(`no incident ${id}`), { name: "IncidentNotFound" });
  return i;
};

/**
 * Runs one cloud call and puts its real answer on the timeline: the API's result when it
 * succeeded, its error code and message when it refused (then rethrown for Retry/Catch).
 */
async function act(
  deps: IncidentDeps,
  incidentId: string,
  step: string,
  summary: string,
  fn: () => Promise<ApiResult>,
  kind: EventKind = "action",
): Promise<ApiResult> {
  try {
    const r = await fn();
    await addEvent(deps.db, incidentId, { kind, step, ok: true, summary, detail: r });
    return r;
  } catch (err) {
    const e = err as CloudActionError;
    await addEvent(deps.db, incidentId, {
      kind,
      step,
      ok: false,
      summary: `${summary} — refused: ${e.message}`,
      detail: { action: e.action ?? null, code: e.code ?? e.name, message: e.message, transient: e.transient ?? false },
    });
    throw err;
  }
}

async function notifyStage(deps: IncidentDeps, incidentId: string, stage: string, lines: string[]) {
  const i = await must(deps.db, incidentId);
  const { message, fingerprint } = incidentMessage(i, stage, lines);
  const decisions = await notify(deps.notify, message, fingerprint);
  await addEvent(deps.db, incidentId, {
    kind: "notification",
    step: stage,
    ok: !Object.values(decisions).includes("failed"),
    summary: Object.keys(decisions).length
      ? `Notified: ${Object.entries(decisions)
          .map(([c, s]) => `${c} ${s}`)
          .join(", ")}`
      : "No channel takes this severity",
    detail: decisions,
  });
}

/** The decision that let containment start, on the timeline under the approver's name. */
async function recordApproval(
  db: Queryable,
  incidentId: string,
  step: string,
  approval: { decidedBy?: string; comment?: string | null } | undefined,
) {
  await setStatus(db, incidentId, "containing");
  const by = approval?.decidedBy ?? "unknown";
  await addEvent(db, incidentId, {
    kind: "approval",
    step,
    ok: true,
    actor: by,
    summary: `Approved by ${by}${approval?.comment ? `: ${approval.comment}` : ""}`,
  });
}

/** Puts back the recorded security groups of every ENI whose groups differ now. */
async function restoreGroups(deps: IncidentDeps, i: IncidentRow, step: string): Promise<number> {
  const orig = i.original_state;
  if (!orig) return 0;
  const now = await deps.cloud.describeInstance(orig.instanceId);
  let restored = 0;
  for (const eni of orig.enis) {
    const current = now?.enis.find((e) => e.eniId === eni.eniId)?.groups ?? [];
    if ([...current].sort().join(",") === [...eni.groups].sort().join(",")) continue;
    await act(deps, i.id, step, `${eni.eniId} → original groups ${eni.groups.join(", ")}`, () =>
      deps.cloud.setEniGroups(eni.eniId, eni.groups),
    );
    restored++;
  }
  return restored;
}

/** Handlers are written camelCase and bound by their state's name (`openIncident` → `OpenIncident`). */
const byStateName = (h: Record<string, Handler>): Record<string, Handler> =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v]));

/**
 * The code behind every Task state of `workflows/incident-response.asl.json`, keyed by state name
 * (the Lambda entry points and the local engine bind the same functions).
 */
export function incidentResponseHandlers(deps: IncidentDeps): Record<string, Handler> {
  const { db, cloud } = deps;
  return byStateName({
    /** Opens the incident for a finding, or joins the open one for the same finding or resource. */
    openIncident: async (raw) => {
      const ev = raw as unknown as FindingEvent & { executionId?: string };
      const f = findingFacts(ev.detail ?? {});
      const id = incidentIdOf(f.findingId);
      const base = { approvalSeconds: deps.config.approvalSeconds, pollSeconds: deps.config.pollSeconds };
      return db.transaction(async (tx) => {
        const [same] = await tx.query<{ id: string }>(
          "UPDATE incidents SET finding_count = finding_count + 1, updated_at = now() WHERE finding_id = $1 RETURNING id",
          [f.findingId],
        );
        if (same) {
          await addEvent(tx, same.id, {
            kind: "finding",
            step: "OpenIncident",
            ok: true,
            summary: "The finding was reported again",
          });
          return { incidentId: same.id, duplicate: true, ...base };
        }
        const [active] = f.resourceId
          ? await tx.query<{ id: string }>(
              "SELECT id FROM incidents WHERE resource_id = $1 AND status IN ('open', 'awaiting_approval', 'containing')",
              [f.resourceId],
            )
          : [];
        if (active) {
          await tx.query("UPDATE incidents SET finding_count = finding_count + 1, updated_at = now() WHERE id = $1", [
            active.id,
          ]);
          await addEvent(tx, active.id, {
            kind: "finding",
            step: "OpenIncident",
            ok: true,
            summary: `Another finding on ${f.resourceId} joined this incident: ${f.title}`,
            detail: { findingId: f.findingId, type: f.type, severity: f.severityVendor },
          });
          return { incidentId: active.id, duplicate: true, ...base };
        }
        await tx.query(
          `INSERT INTO incidents (id, finding_id, title, finding_type, severity, severity_vendor, resource_type, resource_id,
             account_id, region, simulated, finding, execution_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            id,
            f.findingId,
            f.title,
            f.type,
            f.severity,
            f.severityVendor,
            f.resourceType,
            f.resourceId,
            f.accountId,
            f.region,
            cloud.simulated,
            JSON.stringify(ev.detail),
            ev.executionId ?? null,
          ],
        );
        await addEvent(tx, id, {
          kind: "finding",
          step: "OpenIncident",
          ok: true,
          summary: `${f.type} (severity ${f.severityVendor}) on ${f.resourceId ?? f.resourceType}`,
          detail: { findingId: f.findingId, updatedAt: f.updatedAt },
        });
        return { incidentId: id, duplicate: false, ...base };
      });
    },

    /** Instance, network, profile, ASG and recent activity; records the original state and proposes actions. */
    enrich: async (raw) => {
      const p = raw as { incidentId: string };
      const i = await must(db, p.incidentId);
      const f = findingFacts(i.finding);
      const proposed: ProposedAction[] = [];
      const enrichment: Record<string, unknown> = { resourceType: f.resourceType, simulated: cloud.simulated };
      let plan: "instance" | "access-key" | "none" = "none";
      let original: OriginalState | null = null;

      if (f.resourceType === "Instance" && f.instanceId) {
        const inst = await cloud.describeInstance(f.instanceId);
        if (!inst) {
          enrichment.reason = `Instance ${f.instanceId} was not found (terminated, or in another account/region)`;
        } else {
          const groupIds = [...new Set(inst.enis.flatMap((e) => e.groups))];
          enrichment.instance = inst;
          enrichment.securityGroups = await cloud.describeGroups(groupIds);
          original = {
            instanceId: inst.instanceId,
            vpcId: inst.vpcId,
            enis: inst.enis.map((e) => ({ eniId: e.eniId, groups: e.groups })),
            asg: inst.asg,
            terminationProtection: inst.terminationProtection,
            profile: inst.profile,
            tags: inst.tags,
          };
          plan = "instance";
          proposed.push(
            ...inst.enis.map((e) => ({
              action: "Isolate network interface",
              target: e.eniId,
              detail: `Groups ${e.groups.join(", ")} → all-traffic transition group → no-rule isolation group (cuts tracked connections)`,
            })),
          );
          if (inst.asg)
            proposed.push({
              action: "Detach from Auto Scaling group",
              target: inst.asg,
              detail: "So the group does not replace and terminate it",
            });
          proposed.push({
            action: "Enable termination protection",
            target: inst.instanceId,
            detail: "DisableApiTermination = true",
          });
          for (const v of inst.volumes)
            proposed.push({
              action: "Snapshot EBS volume",
              target: v.volumeId,
              detail: `${v.device}, tagged with the incident`,
            });
          proposed.push({ action: "Tag instance", target: inst.instanceId, detail: `${QUARANTINE_TAG} = ${i.id}` });
          if (deps.config.quarantineProfileArn && inst.profile)
            proposed.push({
              action: "Swap instance profile",
              target: inst.profile.arn,
              detail: `→ ${deps.config.quarantineProfileArn}`,
            });
          proposed.push({
            action: "Collect evidence (SSM)",
            target: inst.instanceId,
            detail: "Process list, sockets, last 24 h of system log → evidence store, SHA-256 recorded",
          });
        }
      } else if (f.resourceType === "AccessKey" && f.accessKey) {
        enrichment.accessKey = f.accessKey;
        if (isRootKey(f)) {
          enrichment.reason = "Root credentials: never acted on automatically; handle by hand";
        } else if (f.accessKey.accessKeyId && f.accessKey.userName) {
          plan = "access-key";
          proposed.push({
            action: "Deactivate access key",
            target: f.accessKey.accessKeyId,
            detail: `IAM user ${f.accessKey.userName}: UpdateAccessKey Status=Inactive (reversible)`,
          });
        } else {
          enrichment.reason = "The finding names no IAM user and key to act on";
        }
      } else {
        enrichment.reason = `No containment is defined for ${f.resourceType} findings`;
      }

      // Recent activity of the instance or key in the lake (a failure here does not stop the response).
      const entity =
        f.resourceType === "Instance" && f.instanceId
          ? { kind: "instance" as const, value: f.instanceId }
          : f.accessKey?.accessKeyId
            ? { kind: "access-key" as const, value: f.accessKey.accessKeyId }
            : null;
      if (entity && deps.lake) {
        try {
          const to = Date.parse(f.updatedAt ?? "") || Date.now();
          const q = entityEventsQuery(
            deps.lake.dialect,
            [entity],
            { from: new Date(to - 86_400_000).toISOString(), to: new Date(to + 3_600_000).toISOString() },
            20,
          );
          const { rows } = await deps.lake.query<EventRow>(q.sql, q.params);
          enrichment.recentActivity = rows.map(toActivityEvent);
        } catch (err) {
          enrichment.recentActivityError = (err as Error).message;
        }
      }

      await db.query(
        "UPDATE incidents SET enrichment = $2, proposed = $3, original_state = $4, updated_at = now() WHERE id = $1",
        [i.id, JSON.stringify(enrichment), JSON.stringify(proposed), original ? JSON.stringify(original) : null],
      );
      await addEvent(db, i.id, {
        kind: "enrichment",
        step: "Enrich",
        ok: true,
        summary:
          plan === "none"
            ? `No automatic action: ${String(enrichment.reason ?? "")}`
            : `${proposed.length} actions proposed${original ? `; original state recorded (${original.enis.length} ENIs${original.asg ? `, ASG ${original.asg}` : ""})` : ""}`,
        detail: { plan, original },
      });
      return { plan, proposed: proposed.length };
    },

    /** RequestApproval's callback target: one review item with the finding, enrichment and exact actions. */
    requestApproval: async (raw) => {
      const p = raw as { taskToken: string; executionId: string; incidentId: string; slaSeconds: number; input: Json };
      const i = await must(db, p.incidentId);
      await db.transaction(async (tx) => {
        const inserted = await registerReviewTask(tx, {
          executionId: p.executionId,
          workflow: "incident-response",
          state: "RequestApproval",
          token: p.taskToken,
          subject: i.id,
          title: `Contain ${i.resource_id ?? i.resource_type}: ${i.title}`,
          payload: {
            kind: "incident-approval",
            incidentId: i.id,
            simulated: i.simulated,
            finding: { id: i.finding_id, type: i.finding_type, severity: i.severity_vendor, title: i.title },
            proposedActions: i.proposed,
            enrichment: i.enrichment,
          },
          reasons: [
            {
              rule: "guardduty.severity",
              message: `${i.finding_type} at severity ${i.severity_vendor} on ${i.resource_id}`,
            },
          ],
          stateInput: p.input,
          submittedBy: null,
          dueInSeconds: p.slaSeconds,
        });
        if (inserted) {
          await setStatus(tx, i.id, "awaiting_approval");
          await tx.query("UPDATE incidents SET execution_id = $2 WHERE id = $1", [i.id, p.executionId]);
          await addEvent(tx, i.id, {
            kind: "approval",
            step: "RequestApproval",
            ok: true,
            summary: `Approval requested for ${i.proposed.length} actions (expires in ${p.slaSeconds}s)`,
          });
        }
      });
      await notifyStage(
        deps,
        i.id,
        "approval_requested",
        i.proposed.map((a) => `${a.action}: ${a.target}`),
      );
      return null;
    },

    /** Records who approved, then makes sure the two quarantine groups exist in the instance's VPC. */
    beginContainment: async (raw) => {
      const p = raw as { incidentId: string; approval?: { decidedBy?: string; comment?: string | null } };
      const i = await must(db, p.incidentId);
      await recordApproval(db, i.id, "BeginContainment", p.approval);
      const orig = i.original_state;
      if (!orig)
        throw new CloudActionError("BeginContainment", "NoOriginalState", "the original state was not recorded");
      try {
        const g = await cloud.isolationGroups(orig.vpcId);
        for (const c of g.created)
          await addEvent(db, i.id, {
            kind: "action",
            step: "BeginContainment",
            ok: true,
            summary: `${c.action} in ${orig.vpcId}`,
            detail: c,
          });
        return { transition: g.transition, isolation: g.isolation };
      } catch (err) {
        await addEvent(db, i.id, {
          kind: "action",
          step: "BeginContainment",
          ok: false,
          summary: `Quarantine groups could not be prepared: ${(err as Error).message}`,
        });
        throw err;
      }
    },

    /** Two-step isolation: every ENI to the all-traffic group first, then every ENI to the no-rule group. */
    isolateNetwork: async (raw) => {
      const p = raw as { incidentId: string; groups: { transition: string; isolation: string } };
      const i = await must(db, p.incidentId);
      const enis = i.original_state?.enis ?? [];
      for (const e of enis)
        await act(deps, i.id, "IsolateNetwork", `${e.eniId} → transition group ${p.groups.transition}`, () =>
          cloud.setEniGroups(e.eniId, [p.groups.transition]),
        );
      for (const e of enis)
        await act(deps, i.id, "IsolateNetwork", `${e.eniId} → isolation group ${p.groups.isolation}`, () =>
          cloud.setEniGroups(e.eniId, [p.groups.isolation]),
        );
      return { enis: enis.length };
    },

    detachFromAsg: async (raw) => {
      const p = raw as { incidentId: string };
      const i = await must(db, p.incidentId);
      const orig = i.original_state as OriginalState;
      if (!orig.asg) {
        await addEvent(db, i.id, {
          kind: "action",
          step: "DetachFromAsg",
          ok: true,
          summary: "Not in an Auto Scaling group: nothing to detach",
        });
        return { detached: false };
      }
      await act(deps, i.id, "DetachFromAsg", `Detached from ${orig.asg}`, () =>
        cloud.detachFromAsg(orig.instanceId, orig.asg as string),
      );
      return { detached: true };
    },

    protectInstance: async (raw) => {
      const p = raw as { incidentId: string };
      const i = await must(db, p.incidentId);
      const orig = i.original_state as OriginalState;
      await act(deps, i.id, "ProtectInstance", "Termination protection on", () =>
        cloud.setTerminationProtection(orig.instanceId, true),
      );
      await act(deps, i.id, "ProtectInstance", `Tagged ${QUARANTINE_TAG}=${i.id}`, () =>
        cloud.tagInstance(orig.instanceId, { [QUARANTINE_TAG]: i.id }),
      );
      const target = deps.config.quarantineProfileArn;
      if (target && orig.profile)
        await act(deps, i.id, "ProtectInstance", `Instance profile → ${target}`, () =>
          cloud.replaceProfile(orig.profile?.associationId as string, target),
        );
      return { protected: true };
    },

    /** A failed snapshot is recorded and the containment goes on (isolation matters more); throttling is retried. */
    snapshotVolumes: async (raw) => {
      const p = raw as { incidentId: string };
      const i = await must(db, p.incidentId);
      const inst = await cloud.describeInstance(i.original_state?.instanceId ?? "");
      const snapshots: string[] = [];
      for (const v of inst?.volumes ?? []) {
        try {
          const r = await act(deps, i.id, "SnapshotVolumes", `Snapshot of ${v.volumeId} (${v.device})`, () =>
            cloud.snapshotVolume(v.volumeId, `Sightline incident ${i.id}: ${i.finding_type}`, {
              [QUARANTINE_TAG]: i.id,
            }),
          );
          snapshots.push(String(r.detail.snapshotId));
        } catch (err) {
          if ((err as CloudActionError).transient) throw err;
        }
      }
      return { snapshots };
    },

    startCollection: async (raw) => {
      const p = raw as { incidentId: string };
      const i = await must(db, p.incidentId);
      const instanceId = i.original_state?.instanceId as string;
      const prefix = `incidents/${i.id}/${instanceId}/${new Date().toISOString().replace(/[:.]/g, "-")}`;
      const script = deps.config.evidenceBucket
        ? collectionScript(deps.config.evidenceBucket, prefix)
        : ["# simulated agent"];
      try {
        const r = await act(
          deps,
          i.id,
          "StartCollection",
          "SSM SendCommand AWS-RunShellScript (evidence collection)",
          () => cloud.sendCollection(instanceId, { script, evidencePrefix: prefix, comment: `Sightline ${i.id}` }),
        );
        return { commandId: String(r.detail.commandId), prefix, polls: 0, done: false, ok: true };
      } catch (err) {
        if ((err as CloudActionError).transient) throw err;
        return { commandId: null, prefix, polls: 0, done: true, ok: false };
      }
    },

    /** Polls the command's real status; on success re-hashes every uploaded object and records key + SHA-256. */
    checkCollection: async (raw) => {
      const p = raw as { incidentId: string; collection: { commandId: string; prefix: string; polls: number } };
      const i = await must(db, p.incidentId);
      const c = p.collection;
      const instanceId = i.original_state?.instanceId as string;
      const st = await cloud.commandStatus(c.commandId, instanceId);
      if (st.status === "Pending" || st.status === "InProgress" || st.status === "Delayed") {
        if (c.polls + 1 >= deps.config.maxPolls) {
          await addEvent(db, i.id, {
            kind: "evidence",
            step: "CheckCollection",
            ok: false,
            summary: `Evidence collection still ${st.status} after ${c.polls + 1} polls: given up`,
          });
          return { ...c, polls: c.polls + 1, done: true, ok: false };
        }
        return { ...c, polls: c.polls + 1, done: false, ok: true };
      }
      if (st.status !== "Success") {
        await addEvent(db, i.id, {
          kind: "evidence",
          step: "CheckCollection",
          ok: false,
          summary: `Evidence collection ended ${st.status}`,
          detail: { stderr: st.stderr.slice(0, 2000) },
        });
        return { ...c, polls: c.polls + 1, done: true, ok: false };
      }
      const lines = parseEvidence(st.stdout, c.prefix);
      for (const e of lines) {
        const body = await deps.evidence.getOptional(e.key);
        const actual = body ? createHash("sha256").update(body).digest("hex") : null;
        await addEvent(db, i.id, {
          kind: "evidence",
          step: "CheckCollection",
          ok: actual === e.sha256,
          summary:
            actual === e.sha256
              ? `${e.key} (${e.bytes} bytes) sha256 ${e.sha256}`
              : `${e.key}: ${actual ? `hash mismatch (stored ${actual}, reported ${e.sha256})` : "not found in the evidence store"}`,
          detail: { key: e.key, sha256: e.sha256, storedSha256: actual, bytes: e.bytes },
        });
      }
      return { ...c, polls: c.polls + 1, done: true, ok: lines.length > 0 };
    },

    deactivateAccessKey: async (raw) => {
      const p = raw as { incidentId: string; approval?: { decidedBy?: string; comment?: string | null } };
      const i = await must(db, p.incidentId);
      const f = findingFacts(i.finding);
      await recordApproval(db, i.id, "DeactivateAccessKey", p.approval);
      const k = f.accessKey as NonNullable<typeof f.accessKey>;
      await act(deps, i.id, "DeactivateAccessKey", `Access key ${k.accessKeyId} of ${k.userName} → Inactive`, () =>
        cloud.setAccessKeyStatus(k.userName, k.accessKeyId, "Inactive"),
      );
      return { deactivated: k.accessKeyId };
    },

    notify: async (raw) => {
      const p = raw as { incidentId: string; outcome: { status: string; reason?: string } };
      const i = await must(db, p.incidentId);
      const events = await db.query<{ summary: string; ok: boolean }>(
        "SELECT summary, ok FROM incident_events WHERE incident_id = $1 AND kind IN ('action', 'evidence') ORDER BY id",
        [i.id],
      );
      await notifyStage(deps, i.id, p.outcome.status, [
        ...(p.outcome.reason ? [p.outcome.reason] : []),
        ...events.slice(-12).map((e) => `${e.ok ? "✓" : "✗"} ${e.summary}`),
      ]);
      return null;
    },

    recordOutcome: async (raw) => {
      const p = raw as {
        incidentId: string;
        outcome: { status: "contained" | "rejected" | "expired" | "notified"; reason?: string };
      };
      await db.transaction(async (tx) => {
        await setStatus(tx, p.incidentId, p.outcome.status);
        await addEvent(tx, p.incidentId, {
          kind: "outcome",
          step: "RecordOutcome",
          ok: true,
          summary: `Incident ${p.outcome.status}${p.outcome.reason ? `: ${p.outcome.reason}` : ""}`,
        });
        if (p.outcome.status === "expired") {
          await expirePendingReviews(tx, p.incidentId);
        }
      });
      return { status: p.outcome.status };
    },

    /** The Catch path: restore what changed, mark the incident failed with the API error, notify. */
    recordFailure: async (raw) => {
      const p = raw as {
        incidentId?: string;
        open?: { incidentId?: string };
        error?: { Error?: string; Cause?: unknown };
      };
      const id = p.incidentId ?? p.open?.incidentId;
      if (!id) return { recorded: false };
      const cause = String(p.error?.Cause ?? "");
      const message = (() => {
        try {
          const c = JSON.parse(cause) as { errorMessage?: string };
          return c.errorMessage ?? cause;
        } catch {
          return cause;
        }
      })();
      const error = `${p.error?.Error ?? "Error"}: ${message}`.slice(0, 2000);
      const i = await must(db, id);
      let restoreError: string | null = null;
      try {
        await restoreGroups(deps, i, "RecordFailure");
      } catch (err) {
        restoreError = (err as Error).message;
      }
      await db.transaction(async (tx) => {
        await setStatus(tx, id, "failed", error);
        await addEvent(tx, id, {
          kind: "error",
          step: "RecordFailure",
          ok: false,
          summary: `Incident response failed: ${error}${restoreError ? ` — restoring groups also failed: ${restoreError}` : ""}`,
        });
        await tx.query("UPDATE review_tasks SET status = 'closed' WHERE subject = $1 AND status = 'pending'", [id]);
      });
      await notifyStage(deps, id, "failed", [error, ...(restoreError ? [`Restore failed: ${restoreError}`] : [])]);
      return { recorded: true };
    },
  });
}

/** `workflows/incident-release.asl.json`: an approved undo of a quarantine. */
export function incidentReleaseHandlers(deps: IncidentDeps): Record<string, Handler> {
  const { db, cloud } = deps;
  return byStateName({
    requestRelease: async (raw) => {
      const p = raw as {
        taskToken: string;
        executionId: string;
        incidentId: string;
        requestedBy: string;
        reason: string;
        slaSeconds: number;
        input: Json;
      };
      const i = await must(db, p.incidentId);
      await db.transaction(async (tx) => {
        const inserted = await registerReviewTask(tx, {
          executionId: p.executionId,
          workflow: "incident-release",
          state: "RequestRelease",
          token: p.taskToken,
          subject: i.id,
          title: `Release ${i.resource_id} from quarantine`,
          payload: {
            kind: "incident-release",
            incidentId: i.id,
            simulated: i.simulated,
            proposedActions: (i.original_state?.enis ?? []).map((e) => ({
              action: "Restore security groups",
              target: e.eniId,
              detail: e.groups.join(", "),
            })),
            originalState: i.original_state,
          },
          reasons: [{ rule: "incident.release", message: `Requested by ${p.requestedBy}: ${p.reason}` }],
          stateInput: p.input,
          submittedBy: p.requestedBy,
          dueInSeconds: p.slaSeconds,
        });
        if (inserted) {
          await setStatus(tx, i.id, "releasing");
          await addEvent(tx, i.id, {
            kind: "undo",
            step: "RequestRelease",
            ok: true,
            actor: p.requestedBy,
            summary: `Release requested by ${p.requestedBy}: ${p.reason}`,
          });
        }
      });
      return null;
    },

    /** Puts back the recorded groups, ASG membership, termination protection and profile; removes the tag. */
    restoreInstance: async (raw) => {
      const p = raw as { incidentId: string; approval?: { decidedBy?: string } };
      const i = await must(db, p.incidentId);
      const orig = i.original_state as OriginalState;
      await addEvent(db, i.id, {
        kind: "undo",
        step: "RestoreInstance",
        ok: true,
        actor: p.approval?.decidedBy ?? "unknown",
        summary: `Release approved by ${p.approval?.decidedBy ?? "unknown"}`,
      });
      for (const e of orig.enis)
        await act(
          deps,
          i.id,
          "RestoreInstance",
          `${e.eniId} → original groups ${e.groups.join(", ")}`,
          () => cloud.setEniGroups(e.eniId, e.groups),
          "undo",
        );
      const now = await cloud.describeInstance(orig.instanceId);
      if (orig.asg && now?.asg !== orig.asg)
        await act(
          deps,
          i.id,
          "RestoreInstance",
          `Re-attached to ${orig.asg}`,
          () => cloud.attachToAsg(orig.instanceId, orig.asg as string),
          "undo",
        );
      if (!orig.terminationProtection)
        await act(
          deps,
          i.id,
          "RestoreInstance",
          "Termination protection back off",
          () => cloud.setTerminationProtection(orig.instanceId, false),
          "undo",
        );
      if (orig.profile && now?.profile && now.profile.arn !== orig.profile.arn)
        await act(
          deps,
          i.id,
          "RestoreInstance",
          `Instance profile → ${orig.profile.arn}`,
          () => cloud.replaceProfile(now.profile?.associationId as string, orig.profile?.arn as string),
          "undo",
        );
      await act(
        deps,
        i.id,
        "RestoreInstance",
        `Removed tag ${QUARANTINE_TAG}`,
        () => cloud.untagInstance(orig.instanceId, [QUARANTINE_TAG]),
        "undo",
      );
      return { restored: orig.enis.length };
    },

    recordRelease: async (raw) => {
      const p = raw as {
        incidentId: string;
        outcome: { status: "released" | "release_rejected" | "release_expired"; reason?: string };
      };
      const released = p.outcome.status === "released";
      await db.transaction(async (tx) => {
        await setStatus(tx, p.incidentId, released ? "released" : "contained");
        await addEvent(tx, p.incidentId, {
          kind: "undo",
          step: "RecordRelease",
          ok: released,
          summary: released
            ? "Released from quarantine"
            : `Release not done: ${p.outcome.status}${p.outcome.reason ? ` (${p.outcome.reason})` : ""}`,
        });
        if (p.outcome.status === "release_expired") await expirePendingReviews(tx, p.incidentId, "incident-release");
      });
      await notifyStage(
        deps,
        p.incidentId,
        released ? "released" : "release_rejected",
        p.outcome.reason ? [p.outcome.reason] : [],
      );
      return { status: p.outcome.status };
    },

    recordReleaseFailure: async (raw) => {
      const p = raw as { incidentId: string; error?: { Error?: string; Cause?: unknown } };
      const error = `${p.error?.Error ?? "Error"}: ${String(p.error?.Cause ?? "")}`.slice(0, 2000);
      await db.transaction(async (tx) => {
        // Still quarantined (some groups may be back): the incident stays contained, with the error on it.
        await setStatus(tx, p.incidentId, "contained", error);
        await addEvent(tx, p.incidentId, {
          kind: "error",
          step: "RecordReleaseFailure",
          ok: false,
          summary: `Release failed: ${error}`,
        });
      });
      await notifyStage(deps, p.incidentId, "release_failed", [error]);
      return { recorded: true };
    },
  });
}
