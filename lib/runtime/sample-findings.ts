import { randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { AppContext } from "@/lib/adapters";
import { recordAudit } from "@/lib/audit/record-audit";
import { makeWorld, type World } from "@/lib/demo/aws-world";
import { GUARDDUTY_TYPES, guardDutyFinding } from "@/lib/demo/generate-other";
import { Random } from "@/lib/demo/random";
import { seedSimulatedInstance } from "@/lib/demo/seed-estate";
import { AppError } from "@/lib/errors";
import { dispatchFindingEvents } from "@/lib/incidents/dispatch";
import { filesAsRawObjects, lakePaths } from "@/lib/lake/local-sources";
import type { Principal } from "@/lib/schemas/auth";
import { SampleFindingsInput } from "@/lib/schemas/incidents";
import { requireRole } from "@/lib/auth/require-role";

const pad = (n: number) => String(n).padStart(2, "0");

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
}: {
  ctx: AppContext;
  principal: Principal | null;
  input: unknown;
}) {
  const actor = requireRole(principal, ["admins"]);
  if (ctx.env.SIGHTLINE_BACKEND !== "local")
    throw new AppError("unavailable", "Sample findings come from GuardDuty in AWS (CreateSampleFindings)");
  const q = SampleFindingsInput.parse(input);
  const seed = randomInt(1, 2 ** 31);
  const r = new Random(seed);
  const base = makeWorld(seed);
  let world: World = base;
  if (q.resourceType === "Instance") {
    const inst = q.instanceId
      ? await ctx.db.query<{ instance_id: string }>("SELECT instance_id FROM sim_instances WHERE instance_id = $1", [
          q.instanceId,
        ])
      : [];
    if (q.instanceId && !inst.length) throw new AppError("not_found", `No simulated instance ${q.instanceId}`);
    const sample = { ...(base.instances[0] as World["instances"][number]), profile: "web" };
    if (q.instanceId) {
      const [row] = await ctx.db.query<{ account_id: string; region: string; vpc_id: string; subnet_id: string }>(
        "SELECT account_id, region, vpc_id, subnet_id FROM sim_instances WHERE instance_id = $1",
        [q.instanceId],
      );
      const [eni] = await ctx.db.query<{ eni_id: string; private_ip: string; groups: string[] }>(
        "SELECT eni_id, private_ip, groups FROM sim_enis WHERE instance_id = $1 ORDER BY eni_id LIMIT 1",
        [q.instanceId],
      );
      Object.assign(sample, {
        id: q.instanceId,
        account: row?.account_id,
        region: row?.region,
        vpc: row?.vpc_id,
        subnet: row?.subnet_id,
        eni: eni?.eni_id,
        privateIp: eni?.private_ip,
        sg: eni?.groups[0],
      });
    } else {
      await seedSimulatedInstance(ctx.db, sample);
    }
    world = { ...base, instances: [sample] };
  } else {
    const user = { ...(base.users[0] as World["users"][number]), name: `sample-user-${r.hex(4)}` };
    await ctx.db.query(
      "INSERT INTO sim_access_keys (access_key_id, user_name) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      [user.keyId, user.name],
    );
    world = { ...base, users: [user] };
  }
  const specs = GUARDDUTY_TYPES.filter((t) => t.resource === q.resourceType && !t.type.includes("RootCredential"));
  const now = Date.now();
  const findings = Array.from({ length: q.count }, (_, i) =>
    guardDutyFinding(r, world, now - (q.count - i) * 10, {
      spec: specs.find((t) => q.severity >= t.band[0] && q.severity <= t.band[1]) ?? specs[i % specs.length],
      severity: q.severity,
    }),
  );
  const d = new Date(now);
  const account = String(findings[0]?.accountId);
  const key = `AWSLogs/${account}/GuardDuty/us-east-1/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/sample-${r.uuid()}.jsonl.gz`;
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
  // Loaded here, not at module load: DuckDB is local-only and left out of the AWS server bundle.
  const { scanRawArea } = await import("./local-lake");
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
