import { randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import type { Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { type DispatchDeps, dispatchFindingEvents } from "@/lib/incidents/dispatch";
import { filesAsRawObjects, lakePaths } from "@/lib/lake/local-sources";
import type { RawObject } from "@/lib/lake/run-lake-etl";
import type { Database } from "@/lib/ports/database";
import type { WorkflowEngine } from "@/lib/ports/workflow-engine";
import type { Principal } from "@/lib/schemas/auth";
import { SampleFindingsInput } from "@/lib/schemas/incidents";
import { makeWorld, type World } from "./aws-world";
import { GUARDDUTY_TYPES, guardDutyFinding } from "./generate-guardduty";
import { Random } from "./random";
import { prepareSampleWorld } from "./sample-world";

const pad = (n: number) => String(n).padStart(2, "0");

/** What the verb uses of the app context. */
export interface SampleFindingsContext {
  env: Env;
  db: Database;
  workflows: WorkflowEngine;
  incidents: { notify: DispatchDeps["notify"] };
}

/** The local lake ETL over the given raw objects (the caller loads it: DuckDB is an adapter). */
export type ScanRawArea = (
  env: Env,
  db: Database,
  trigger: string,
  objects: Iterable<RawObject>,
) => Promise<{ records: number } | null>;

/** `count` findings of the type family matching the severity, newest last, 10 ms apart. */
function sampleFindings(r: Random, world: World, q: SampleFindingsInput, now: number) {
  const specs = GUARDDUTY_TYPES.filter((t) => t.resource === q.resourceType && !t.type.includes("RootCredential"));
  return Array.from({ length: q.count }, (_, i) =>
    guardDutyFinding(r, world, now - (q.count - i) * 10, {
      spec: specs.find((t) => q.severity >= t.band[0] && q.severity <= t.band[1]) ?? specs[i % specs.length],
      severity: q.severity,
    }),
  );
}

/** The GuardDuty export key the findings get in the raw area (GuardDuty's own layout). */
function exportKey(r: Random, account: string, now: number) {
  const d = new Date(now);
  return `AWSLogs/${account}/GuardDuty/us-east-1/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/sample-${r.uuid()}.jsonl.gz`;
}

/**
 * GuardDuty's "generate sample findings", for the simulated estate: writes `count` findings (one
 * type family, one severity) about one simulated instance or access key as a GuardDuty export
 * file into the raw area, runs the lake ETL on it and dispatches the raised events at once — the
 * same path real findings take. A new simulated instance (with ENI, groups, volume and ASG) is
 * created unless one is named. Local backend only (in AWS use GuardDuty's CreateSampleFindings).
 */
export async function generateSampleFindings({
  ctx,
  principal,
  input,
  scanRawArea,
}: {
  ctx: SampleFindingsContext;
  principal: Principal | null;
  input: unknown;
  scanRawArea: ScanRawArea;
}) {
  const actor = requireRole(principal, ["admins"]);
  if (ctx.env.SIGHTLINE_BACKEND !== "local")
    throw new AppError("unavailable", "Sample findings come from GuardDuty in AWS (CreateSampleFindings)");
  const q = SampleFindingsInput.parse(input);
  const seed = randomInt(1, 2 ** 31);
  const r = new Random(seed);
  const world = await prepareSampleWorld(ctx.db, r, makeWorld(seed), q);
  const now = Date.now();
  const findings = sampleFindings(r, world, q, now);
  const key = exportKey(r, String(findings[0]?.accountId), now);
  // Processed from outside the raw area, then moved in (same size and mtime, so the raw-area
  // watcher sees it as already processed instead of racing this request for it).
  const incoming = path.join(lakePaths(ctx.env.dataDir).root, ".incoming", path.basename(key));
  fs.mkdirSync(path.dirname(incoming), { recursive: true });
  fs.writeFileSync(incoming, gzipSync(`${findings.map((f) => JSON.stringify(f)).join("\n")}\n`));
  await recordAudit(ctx.db, {
    actor: actor.email,
    action: "findings.sample_generated",
    detail: { count: q.count, severity: q.severity, resourceType: q.resourceType, key },
  });
  const etl = await scanRawArea(
    ctx.env,
    ctx.db,
    "sample-findings",
    filesAsRawObjects([incoming], () => key),
  );
  const file = path.join(lakePaths(ctx.env.dataDir).raw, key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.renameSync(incoming, file);
  const dispatched = await dispatchFindingEvents({
    db: ctx.db,
    workflows: ctx.workflows,
    notify: ctx.incidents.notify,
    threshold: ctx.env.SIGHTLINE_INCIDENT_THRESHOLD,
    startIncidents: true,
  });
  return {
    findingIds: findings.map((f) => String(f.id)),
    resourceId: q.resourceType === "Instance" ? world.instances[0]?.id : world.users[0]?.keyId,
    records: etl?.records ?? 0,
    dispatched,
  };
}
