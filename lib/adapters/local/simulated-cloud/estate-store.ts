/** The simulated estate's state in the database (`sim_*` tables): reads, and the call log with its faults. */
import type { GroupFacts, InstanceFacts } from "@/lib/ports/cloud-controls";
import type { Database, Queryable } from "@/lib/ports/database";

interface InstanceRow {
  instance_id: string;
  vpc_id: string;
  subnet_id: string;
  instance_type: string;
  state: string;
  tags: Record<string, string>;
  profile_arn: string | null;
  profile_association_id: string | null;
  asg_name: string | null;
  termination_protection: boolean;
  faults: Record<string, { code: string; message: string; calls: number[] | "all" }>;
}

export async function readInstance(db: Database, instanceId: string): Promise<InstanceFacts | null> {
  const [i] = await db.query<InstanceRow>("SELECT * FROM sim_instances WHERE instance_id = $1", [instanceId]);
  if (!i) return null;
  const enis = await db.query<{ eni_id: string; private_ip: string; groups: string[] }>(
    "SELECT eni_id, private_ip, groups FROM sim_enis WHERE instance_id = $1 ORDER BY eni_id",
    [instanceId],
  );
  const vols = await db.query<{ volume_id: string; device: string }>(
    "SELECT volume_id, device FROM sim_volumes WHERE instance_id = $1 ORDER BY device",
    [instanceId],
  );
  return {
    instanceId: i.instance_id,
    state: i.state,
    instanceType: i.instance_type,
    vpcId: i.vpc_id,
    subnetId: i.subnet_id,
    tags: i.tags,
    enis: enis.map((e) => ({ eniId: e.eni_id, privateIp: e.private_ip, groups: e.groups })),
    profile:
      i.profile_arn && i.profile_association_id
        ? { arn: i.profile_arn, associationId: i.profile_association_id }
        : null,
    asg: i.asg_name,
    volumes: vols.map((v) => ({ volumeId: v.volume_id, device: v.device })),
    terminationProtection: i.termination_protection,
  };
}

export async function readGroups(db: Database, groupIds: readonly string[]): Promise<GroupFacts[]> {
  const rows = await db.query<{
    group_id: string;
    name: string;
    ingress: { cidr: string }[];
    egress: unknown[];
  }>("SELECT group_id, name, ingress, egress FROM sim_security_groups WHERE group_id = ANY($1) ORDER BY group_id", [
    groupIds,
  ]);
  return rows.map((g) => ({
    groupId: g.group_id,
    name: g.name,
    ingressRules: g.ingress.length,
    egressRules: g.egress.length,
    openToWorld: g.ingress.some((r) => r.cidr === "0.0.0.0/0" || r.cidr === "::/0"),
  }));
}

export async function findGroupId(db: Database, vpcId: string, name: string): Promise<string | null> {
  const [g] = await db.query<{ group_id: string }>(
    "SELECT group_id FROM sim_security_groups WHERE vpc_id = $1 AND name = $2",
    [vpcId, name],
  );
  return g?.group_id ?? null;
}

async function instanceIdBy(db: Database, sql: string, id: string): Promise<string | null> {
  const [r] = await db.query<{ instance_id: string }>(sql, [id]);
  return r?.instance_id ?? null;
}

export const instanceOfEni = (db: Database, eniId: string) =>
  instanceIdBy(db, "SELECT instance_id FROM sim_enis WHERE eni_id = $1", eniId);

export const instanceOfVolume = (db: Database, volumeId: string) =>
  instanceIdBy(db, "SELECT instance_id FROM sim_volumes WHERE volume_id = $1", volumeId);

export const instanceOfAssociation = (db: Database, associationId: string) =>
  instanceIdBy(db, "SELECT instance_id FROM sim_instances WHERE profile_association_id = $1", associationId);

/** The configured refusal for this call of `action` on the instance (calls are counted per instance). */
export async function configuredFault(db: Database, action: string, instanceId: string) {
  const [inst] = await db.query<Pick<InstanceRow, "faults">>(
    "SELECT faults FROM sim_instances WHERE instance_id = $1",
    [instanceId],
  );
  const fault = inst?.faults?.[action];
  if (!fault) return null;
  const [n] = await db.query<{ n: string }>(
    "SELECT count(*) AS n FROM sim_api_calls WHERE action = $1 AND params->>'instanceId' = $2",
    [action, instanceId],
  );
  const nth = Number(n?.n ?? 0) + 1;
  return fault.calls === "all" || fault.calls.includes(nth) ? fault : null;
}

export async function logApiCall(tx: Queryable, action: string, params: unknown, ok: boolean, error: string | null) {
  await tx.query("INSERT INTO sim_api_calls (action, params, ok, error) VALUES ($1, $2, $3, $4)", [
    action,
    JSON.stringify(params),
    ok,
    error,
  ]);
}
