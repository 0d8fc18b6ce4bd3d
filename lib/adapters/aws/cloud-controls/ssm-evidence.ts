import { GetCommandInvocationCommand, SendCommandCommand, type SSMClient } from "@aws-sdk/client-ssm";
import type { ApiResult, CommandStatus } from "@/lib/ports/cloud-controls";
import { callAws, requestIdOf } from "./call-aws";

/** Runs the evidence collection script on the instance with AWS-RunShellScript. */
export async function sendCollection(
  ssm: SSMClient,
  instanceId: string,
  args: { script: readonly string[]; evidencePrefix: string; comment: string },
): Promise<ApiResult> {
  const out = await callAws("SendCommand", () =>
    ssm.send(
      new SendCommandCommand({
        DocumentName: "AWS-RunShellScript",
        InstanceIds: [instanceId],
        Parameters: { commands: [...args.script], executionTimeout: ["900"] },
        Comment: args.comment.slice(0, 100),
        TimeoutSeconds: 600,
      }),
    ),
  );
  return {
    action: "SendCommand",
    requestId: requestIdOf(out),
    detail: { commandId: out.Command?.CommandId, documentName: "AWS-RunShellScript", status: out.Command?.Status },
  };
}

export async function commandStatus(ssm: SSMClient, commandId: string, instanceId: string): Promise<CommandStatus> {
  const out = await callAws("GetCommandInvocation", () =>
    ssm.send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: instanceId })),
  );
  return {
    status: (out.Status ?? "Pending") as CommandStatus["status"],
    stdout: out.StandardOutputContent ?? "",
    stderr: out.StandardErrorContent ?? "",
  };
}
