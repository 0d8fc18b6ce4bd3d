import { createHash, randomUUID } from "node:crypto";
import { type ApiResult, CloudActionError, type CommandStatus } from "@/lib/ports/cloud-controls";
import type { Database } from "@/lib/ports/database";
import type { ObjectStore } from "@/lib/ports/object-store";
import { logApiCall, readInstance } from "./estate-store";
import { callSimulated, simulatedResult } from "./simulated-call";

export async function sendCollection(
  db: Database,
  instanceId: string,
  args: { script: readonly string[]; evidencePrefix: string; comment: string },
): Promise<ApiResult> {
  const commandId = randomUUID();
  await callSimulated(db, "SendCommand", { documentName: "AWS-RunShellScript" }, instanceId, async (tx) => {
    const [i] = await tx.query("SELECT 1 FROM sim_instances WHERE instance_id = $1", [instanceId]);
    if (!i) throw new CloudActionError("SendCommand", "InvalidInstanceId", `${instanceId} is not a managed instance`);
    await tx.query(
      "INSERT INTO sim_commands (command_id, instance_id, document, parameters) VALUES ($1, $2, 'AWS-RunShellScript', $3)",
      [commandId, instanceId, JSON.stringify({ commands: args.script, evidencePrefix: args.evidencePrefix })],
    );
  });
  return simulatedResult("SendCommand", { commandId, documentName: "AWS-RunShellScript", status: "Pending" });
}

/** What the collection script would find on the compromised instance: processes, sockets, the system log. */
function collectedFiles(instanceId: string, privateIp: string, at: string): Record<string, string> {
  return {
    "processes.txt": `# simulated instance ${instanceId} at ${at}\nUSER PID COMMAND\nroot 1 /sbin/init\nroot 412 /usr/sbin/sshd -D\nec2-user 2231 /tmp/.x/kworkerd --pool example-pool.net:3333\n`,
    "sockets.txt": `# simulated\nState Local Peer\nESTAB ${privateIp}:22 198.51.100.66:51234\n`,
    "journal.txt": `# simulated\n${at} sshd[412]: Accepted publickey for ec2-user from 198.51.100.66\n`,
  };
}

/** Runs the command: writes the collected files to the evidence store and prints what the real script prints. */
async function runCollection(db: Database, evidence: ObjectStore, instanceId: string, evidencePrefix: string) {
  const facts = await readInstance(db, instanceId);
  const files = collectedFiles(instanceId, facts?.enis[0]?.privateIp ?? "10.0.0.1", new Date().toISOString());
  const lines: string[] = [];
  for (const [name, body] of Object.entries(files)) {
    const key = `${evidencePrefix}/${name}`;
    await evidence.put(key, body, "text/plain");
    lines.push(`EVIDENCE ${key} ${createHash("sha256").update(body).digest("hex")} ${Buffer.byteLength(body)}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The simulated SSM agent: the first poll sees the command in progress, the second runs it — it
 * writes a process list, socket table and system log (from the simulated instance) to the
 * evidence store and prints what the real script prints.
 */
export async function commandStatus(
  db: Database,
  evidence: ObjectStore,
  commandId: string,
  instanceId: string,
): Promise<CommandStatus> {
  const [c] = await db.query<{
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
    await db.query("UPDATE sim_commands SET status = 'InProgress' WHERE command_id = $1", [commandId]);
    return { status: "InProgress", stdout: "", stderr: "" };
  }
  const stdout = await runCollection(db, evidence, instanceId, c.parameters.evidencePrefix);
  await db.query("UPDATE sim_commands SET status = 'Success', stdout = $2 WHERE command_id = $1", [commandId, stdout]);
  await logApiCall(db, "GetCommandInvocation", { commandId, instanceId }, true, null);
  return { status: "Success", stdout, stderr: "" };
}
