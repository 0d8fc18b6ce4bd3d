import { createHash, randomBytes, randomUUID } from "node:crypto";
import {
  type ApiResult,
  CloudActionError,
  type CloudControls,
  type CommandStatus,
  type GroupFacts,
  type InstanceFacts,
} from "@/lib/ports/cloud-controls";
import type { Database, Queryable } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";

const hex = (n: number) =>
  randomBytes(Math.ceil(n / 2))
    .toString("hex")
    .slice(0, n);

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

/**
 * The local backend's EC2/ASG/SSM/IAM: a simulated estate in the database (seeded by the demo
 * generator and by sample findings). It behaves like the APIs it stands for — groups per ENI, a
 * detach really leaves the group, snapshots get ids, SSM commands go Pending → InProgress →
 * Success across polls — and records every call in `sim_api_calls`. Refusals can be configured per
 * instance (`faults`) to demonstrate the failure path.
 */
export class SimulatedCloud implements CloudControls {
  readonly simulated = true;

  constructor(
    private readonly db: Database,
    private readonly evidence: ObjectStore,
  ) {}

  /** Runs `fn` as API `action`, honouring configured faults, and logs the call either way. */
  private async call<T>(
    action: string,
    params: Record<string, unknown>,
    instanceId: string | null,
    fn: (tx: Queryable) => Promise<T>,
  ): Promise<T> {
    const refusal = instanceId ? await this.fault(action, instanceId) : null;
    if (refusal) {
      await this.log(this.db, action, { ...params, instanceId }, false, `${refusal.code}: ${refusal.message}`);
      throw new CloudActionError(action, refusal.code, refusal.message);
    }
    return this.db.transaction(async (tx) => {
      const out = await fn(tx);
      await this.log(tx, action, instanceId ? { ...params, instanceId } : params, true, null);
      return out;
    });
  }

  /** The configured refusal for this call of `action` on the instance (calls are counted per instance). */
  private async fault(action: string, instanceId: string) {
    const [inst] = await this.db.query<Pick<InstanceRow, "faults">>(
      "SELECT faults FROM sim_instances WHERE instance_id = $1",
      [instanceId],
    );
    const fault = inst?.faults?.[action];
    if (!fault) return null;
    const [n] = await this.db.query<{ n: string }>(
      "SELECT count(*) AS n FROM sim_api_calls WHERE action = $1 AND params->>'instanceId' = $2",
      [action, instanceId],
    );
    const nth = Number(n?.n ?? 0) + 1;
    return fault.calls === "all" || fault.calls.includes(nth) ? fault : null;
  }

  private async log(tx: Queryable, action: string, params: unknown, ok: boolean, error: string | null) {
    await tx.query("INSERT INTO sim_api_calls (action, params, ok, error) VALUES ($1, $2, $3, $4)", [
      action,
      JSON.stringify(params),
      ok,
      error,
    ]);
  }

  private result(action: string, detail: Record<string, unknown>): ApiResult {
    return { action, requestId: randomUUID(), detail };
  }

  private async instanceOfEni(eniId: string): Promise<string | null> {
    const [r] = await this.db.query<{ instance_id: string }>("SELECT instance_id FROM sim_enis WHERE eni_id = $1", [
      eniId,
    ]);
    return r?.instance_id ?? null;
  }

  async describeInstance(instanceId: string): Promise<InstanceFacts | null> {
    const [i] = await this.db.query<InstanceRow>("SELECT * FROM sim_instances WHERE instance_id = $1", [instanceId]);
    if (!i) return null;
    const enis = await this.db.query<{ eni_id: string; private_ip: string; groups: string[] }>(
      "SELECT eni_id, private_ip, groups FROM sim_enis WHERE instance_id = $1 ORDER BY eni_id",
      [instanceId],
    );
    const vols = await this.db.query<{ volume_id: string; device: string }>(
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

  async describeGroups(groupIds: readonly string[]): Promise<GroupFacts[]> {
    const rows = await this.db.query<{
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

  async isolationGroups(vpcId: string) {
    const created: ApiResult[] = [];
    const ensure = async (role: "transition" | "isolation") => {
      const name = `sightline-quarantine-${role}`;
      const [g] = await this.db.query<{ group_id: string }>(
        "SELECT group_id FROM sim_security_groups WHERE vpc_id = $1 AND name = $2",
        [vpcId, name],
      );
      if (g) return g.group_id;
      const id = `sg-0${hex(16)}`;
      const all = [{ protocol: "-1", cidr: "0.0.0.0/0" }];
      await this.call("CreateSecurityGroup", { vpcId, name }, null, (tx) =>
        tx.query(
          "INSERT INTO sim_security_groups (group_id, vpc_id, name, description, ingress, egress) VALUES ($1, $2, $3, $4, $5, $6)",
          [
            id,
            vpcId,
            name,
            role === "transition"
              ? "Quarantine step 1: allows all traffic so tracked connections become untracked"
              : "Quarantine step 2: no rules; untracked connections are cut",
            JSON.stringify(role === "transition" ? all : []),
            JSON.stringify(role === "transition" ? all : []),
          ],
        ),
      );
      created.push(this.result("CreateSecurityGroup", { groupId: id, groupName: name, vpcId }));
      return id;
    };
    return { transition: await ensure("transition"), isolation: await ensure("isolation"), created };
  }

  async setEniGroups(eniId: string, groupIds: readonly string[]): Promise<ApiResult> {
    const instanceId = await this.instanceOfEni(eniId);
    if (!instanceId)
      throw new CloudActionError("ModifyNetworkInterfaceAttribute", "InvalidNetworkInterfaceID.NotFound", eniId);
    await this.call("ModifyNetworkInterfaceAttribute", { eniId, groups: groupIds }, instanceId, (tx) =>
      tx.query("UPDATE sim_enis SET groups = $2 WHERE eni_id = $1", [eniId, groupIds]),
    );
    return this.result("ModifyNetworkInterfaceAttribute", { networkInterfaceId: eniId, groups: [...groupIds] });
  }

  async detachFromAsg(instanceId: string, asgName: string): Promise<ApiResult> {
    const activityId = randomUUID();
    await this.call("DetachInstances", { asgName }, instanceId, async (tx) => {
      const r = await tx.query(
        "UPDATE sim_instances SET asg_name = NULL WHERE instance_id = $1 AND asg_name = $2 RETURNING 1",
        [instanceId, asgName],
      );
      if (!r.length)
        throw new CloudActionError("DetachInstances", "ValidationError", `${instanceId} is not part of ${asgName}`);
    });
    return this.result("DetachInstances", {
      autoScalingGroupName: asgName,
      activities: [{ activityId, statusCode: "InProgress", description: `Detaching EC2 instance: ${instanceId}` }],
    });
  }

  async attachToAsg(instanceId: string, asgName: string): Promise<ApiResult> {
    await this.call("AttachInstances", { asgName }, instanceId, (tx) =>
      tx.query("UPDATE sim_instances SET asg_name = $2 WHERE instance_id = $1", [instanceId, asgName]),
    );
    return this.result("AttachInstances", { autoScalingGroupName: asgName });
  }

  async setTerminationProtection(instanceId: string, enabled: boolean): Promise<ApiResult> {
    await this.call("ModifyInstanceAttribute", { disableApiTermination: enabled }, instanceId, (tx) =>
      tx.query("UPDATE sim_instances SET termination_protection = $2 WHERE instance_id = $1", [instanceId, enabled]),
    );
    return this.result("ModifyInstanceAttribute", { instanceId, disableApiTermination: enabled });
  }

  async snapshotVolume(volumeId: string, description: string, tags: Record<string, string>): Promise<ApiResult> {
    const [v] = await this.db.query<{ instance_id: string }>(
      "SELECT instance_id FROM sim_volumes WHERE volume_id = $1",
      [volumeId],
    );
    if (!v)
      throw new CloudActionError(
        "CreateSnapshot",
        "InvalidVolume.NotFound",
        `The volume '${volumeId}' does not exist.`,
      );
    const snapshotId = `snap-0${hex(16)}`;
    await this.call("CreateSnapshot", { volumeId }, v.instance_id, (tx) =>
      tx.query("INSERT INTO sim_snapshots (snapshot_id, volume_id, description, tags) VALUES ($1, $2, $3, $4)", [
        snapshotId,
        volumeId,
        description,
        JSON.stringify(tags),
      ]),
    );
    return this.result("CreateSnapshot", { snapshotId, volumeId, state: "pending" });
  }

  async tagInstance(instanceId: string, tags: Record<string, string>): Promise<ApiResult> {
    await this.call("CreateTags", { tags }, instanceId, (tx) =>
      tx.query("UPDATE sim_instances SET tags = tags || $2::jsonb WHERE instance_id = $1", [
        instanceId,
        JSON.stringify(tags),
      ]),
    );
    return this.result("CreateTags", { resources: [instanceId], tags });
  }

  async untagInstance(instanceId: string, keys: readonly string[]): Promise<ApiResult> {
    await this.call("DeleteTags", { keys }, instanceId, (tx) =>
      tx.query("UPDATE sim_instances SET tags = tags - $2::text[] WHERE instance_id = $1", [instanceId, keys]),
    );
    return this.result("DeleteTags", { resources: [instanceId], keys: [...keys] });
  }

  async replaceProfile(associationId: string, profileArn: string): Promise<ApiResult> {
    const [i] = await this.db.query<{ instance_id: string }>(
      "SELECT instance_id FROM sim_instances WHERE profile_association_id = $1",
      [associationId],
    );
    if (!i)
      throw new CloudActionError(
        "ReplaceIamInstanceProfileAssociation",
        "InvalidAssociationID.NotFound",
        associationId,
      );
    const next = `iip-assoc-0${hex(16)}`;
    await this.call("ReplaceIamInstanceProfileAssociation", { associationId, profileArn }, i.instance_id, (tx) =>
      tx.query("UPDATE sim_instances SET profile_arn = $2, profile_association_id = $3 WHERE instance_id = $1", [
        i.instance_id,
        profileArn,
        next,
      ]),
    );
    return this.result("ReplaceIamInstanceProfileAssociation", {
      associationId: next,
      profileArn,
      state: "associating",
    });
  }

  async setAccessKeyStatus(userName: string, accessKeyId: string, status: "Active" | "Inactive"): Promise<ApiResult> {
    await this.call("UpdateAccessKey", { userName, accessKeyId, status }, null, async (tx) => {
      const r = await tx.query(
        `INSERT INTO sim_access_keys (access_key_id, user_name, status) VALUES ($1, $2, $3)
         ON CONFLICT (access_key_id) DO UPDATE SET status = EXCLUDED.status WHERE sim_access_keys.user_name = EXCLUDED.user_name
         RETURNING 1`,
        [accessKeyId, userName, status],
      );
      if (!r.length)
        throw new CloudActionError(
          "UpdateAccessKey",
          "NoSuchEntity",
          `The Access Key with id ${accessKeyId} cannot be found.`,
        );
    });
    return this.result("UpdateAccessKey", { userName, accessKeyId, status });
  }

  async sendCollection(
    instanceId: string,
    args: { script: readonly string[]; evidencePrefix: string; comment: string },
  ) {
    const commandId = randomUUID();
    await this.call("SendCommand", { documentName: "AWS-RunShellScript" }, instanceId, async (tx) => {
      const [i] = await tx.query("SELECT 1 FROM sim_instances WHERE instance_id = $1", [instanceId]);
      if (!i) throw new CloudActionError("SendCommand", "InvalidInstanceId", `${instanceId} is not a managed instance`);
      await tx.query(
        "INSERT INTO sim_commands (command_id, instance_id, document, parameters) VALUES ($1, $2, 'AWS-RunShellScript', $3)",
        [commandId, instanceId, JSON.stringify({ commands: args.script, evidencePrefix: args.evidencePrefix })],
      );
    });
    return this.result("SendCommand", { commandId, documentName: "AWS-RunShellScript", status: "Pending" });
  }

  /**
   * The simulated SSM agent: the first poll sees the command in progress, the second runs it — it
   * writes a process list, socket table and system log (from the simulated instance) to the
   * evidence store and prints what the real script prints.
   */
  async commandStatus(commandId: string, instanceId: string): Promise<CommandStatus> {
    const [c] = await this.db.query<{
      polls: number;
      status: string;
      stdout: string;
      parameters: { evidencePrefix: string };
    }>(
      "UPDATE sim_commands SET polls = polls + 1 WHERE command_id = $1 AND instance_id = $2 RETURNING polls, status, stdout, parameters",
      [commandId, instanceId],
    );
    if (!c) throw new CloudActionError("GetCommandInvocation", "InvocationDoesNotExist", commandId);
    if (c.status === "Success") return { status: "Success", stdout: c.stdout, stderr: "" };
    if (c.polls < 2) {
      await this.db.query("UPDATE sim_commands SET status = 'InProgress' WHERE command_id = $1", [commandId]);
      return { status: "InProgress", stdout: "", stderr: "" };
    }
    const facts = await this.describeInstance(instanceId);
    const at = new Date().toISOString();
    const files: Record<string, string> = {
      "processes.txt": `# simulated instance ${instanceId} at ${at}\nUSER PID COMMAND\nroot 1 /sbin/init\nroot 412 /usr/sbin/sshd -D\nec2-user 2231 /tmp/.x/kworkerd --pool example-pool.net:3333\n`,
      "sockets.txt": `# simulated\nState Local Peer\nESTAB ${facts?.enis[0]?.privateIp ?? "10.0.0.1"}:22 198.51.100.66:51234\n`,
      "journal.txt": `# simulated\n${at} sshd[412]: Accepted publickey for ec2-user from 198.51.100.66\n`,
    };
    const lines: string[] = [];
    for (const [name, body] of Object.entries(files)) {
      const key = `${c.parameters.evidencePrefix}/${name}`;
      await this.evidence.put(key, body, "text/plain");
      lines.push(`EVIDENCE ${key} ${createHash("sha256").update(body).digest("hex")} ${Buffer.byteLength(body)}`);
    }
    const stdout = `${lines.join("\n")}\n`;
    await this.db.query("UPDATE sim_commands SET status = 'Success', stdout = $2 WHERE command_id = $1", [
      commandId,
      stdout,
    ]);
    await this.log(this.db, "GetCommandInvocation", { commandId, instanceId }, true, null);
    return { status: "Success", stdout, stderr: "" };
  }
}
