import { type ApiResult, CloudActionError } from "@/lib/ports/cloud-controls";
import type { Database } from "@/lib/ports/database";
import { findGroupId, instanceOfEni, instanceOfVolume } from "./estate-store";
import { callSimulated, randomHex, simulatedResult } from "./simulated-call";

type Role = "transition" | "isolation";

const DESCRIPTION: Record<Role, string> = {
  transition: "Quarantine step 1: allows all traffic so tracked connections become untracked",
  isolation: "Quarantine step 2: no rules; untracked connections are cut",
};

async function ensureGroup(db: Database, vpcId: string, role: Role, created: ApiResult[]): Promise<string> {
  const name = `sightline-quarantine-${role}`;
  const existing = await findGroupId(db, vpcId, name);
  if (existing) return existing;
  const id = `sg-0${randomHex(16)}`;
  const rules = JSON.stringify(role === "transition" ? [{ protocol: "-1", cidr: "0.0.0.0/0" }] : []);
  await callSimulated(db, "CreateSecurityGroup", { vpcId, name }, null, (tx) =>
    tx.query(
      "INSERT INTO sim_security_groups (group_id, vpc_id, name, description, ingress, egress) VALUES ($1, $2, $3, $4, $5, $6)",
      [id, vpcId, name, DESCRIPTION[role], rules, rules],
    ),
  );
  created.push(simulatedResult("CreateSecurityGroup", { groupId: id, groupName: name, vpcId }));
  return id;
}

export async function isolationGroups(db: Database, vpcId: string) {
  const created: ApiResult[] = [];
  return {
    transition: await ensureGroup(db, vpcId, "transition", created),
    isolation: await ensureGroup(db, vpcId, "isolation", created),
    created,
  };
}

export async function setEniGroups(db: Database, eniId: string, groupIds: readonly string[]): Promise<ApiResult> {
  const instanceId = await instanceOfEni(db, eniId);
  if (!instanceId)
    throw new CloudActionError("ModifyNetworkInterfaceAttribute", "InvalidNetworkInterfaceID.NotFound", eniId);
  await callSimulated(db, "ModifyNetworkInterfaceAttribute", { eniId, groups: groupIds }, instanceId, (tx) =>
    tx.query("UPDATE sim_enis SET groups = $2 WHERE eni_id = $1", [eniId, groupIds]),
  );
  return simulatedResult("ModifyNetworkInterfaceAttribute", { networkInterfaceId: eniId, groups: [...groupIds] });
}

export async function setTerminationProtection(db: Database, instanceId: string, enabled: boolean) {
  await callSimulated(db, "ModifyInstanceAttribute", { disableApiTermination: enabled }, instanceId, (tx) =>
    tx.query("UPDATE sim_instances SET termination_protection = $2 WHERE instance_id = $1", [instanceId, enabled]),
  );
  return simulatedResult("ModifyInstanceAttribute", { instanceId, disableApiTermination: enabled });
}

export async function snapshotVolume(
  db: Database,
  volumeId: string,
  description: string,
  tags: Record<string, string>,
): Promise<ApiResult> {
  const instanceId = await instanceOfVolume(db, volumeId);
  if (!instanceId)
    throw new CloudActionError("CreateSnapshot", "InvalidVolume.NotFound", `The volume '${volumeId}' does not exist.`);
  const snapshotId = `snap-0${randomHex(16)}`;
  await callSimulated(db, "CreateSnapshot", { volumeId }, instanceId, (tx) =>
    tx.query("INSERT INTO sim_snapshots (snapshot_id, volume_id, description, tags) VALUES ($1, $2, $3, $4)", [
      snapshotId,
      volumeId,
      description,
      JSON.stringify(tags),
    ]),
  );
  return simulatedResult("CreateSnapshot", { snapshotId, volumeId, state: "pending" });
}

export async function tagInstance(db: Database, instanceId: string, tags: Record<string, string>) {
  await callSimulated(db, "CreateTags", { tags }, instanceId, (tx) =>
    tx.query("UPDATE sim_instances SET tags = tags || $2::jsonb WHERE instance_id = $1", [
      instanceId,
      JSON.stringify(tags),
    ]),
  );
  return simulatedResult("CreateTags", { resources: [instanceId], tags });
}

export async function untagInstance(db: Database, instanceId: string, keys: readonly string[]) {
  await callSimulated(db, "DeleteTags", { keys }, instanceId, (tx) =>
    tx.query("UPDATE sim_instances SET tags = tags - $2::text[] WHERE instance_id = $1", [instanceId, keys]),
  );
  return simulatedResult("DeleteTags", { resources: [instanceId], keys: [...keys] });
}
