import { assumedRole, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

/** AWS-owned Run Command documents that execute whatever script the caller passes. */
const SHELL_DOCUMENTS = new Set(["AWS-RunShellScript", "AWS-RunPowerShellScript", "AWS-RunRemoteScript"]);

const INSTANCE = "i-0a1b2c3d4e5f67890";

const send = (documentName: string, errorCode?: string) =>
  trailRecord({
    eventSource: "ssm.amazonaws.com",
    eventName: "SendCommand",
    userIdentity: assumedRole("ops", "kate"),
    requestParameters: {
      instanceIds: [INSTANCE],
      documentName,
      parameters: "HIDDEN_DUE_TO_SECURITY_REASONS",
      interactive: false,
    },
    responseElements: errorCode
      ? null
      : {
          command: {
            commandId: "3f4e5d6c-7b8a-4c9d-8e0f-1a2b3c4d5e6f",
            documentName,
            instanceIds: [INSTANCE],
            status: "Pending",
            targets: [],
          },
        },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "ssm-shell-command-sent",
  version: 1,
  title: "Shell commands run on instances through SSM Run Command",
  severity: 3,
  description:
    "SendCommand ran an arbitrary shell or PowerShell script on managed instances. Any principal allowed to do this runs code as root or SYSTEM on them, and can read the instances' role credentials.",
  tactic: "execution",
  techniques: ["T1651"],
  events: ["SendCommand"],
  match: (e) => e.ok && e.userType !== "AWSService" && SHELL_DOCUMENTS.has(e.param("documentName")),
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  resource: (e) => {
    const ids = e.req?.instanceIds;
    const first = Array.isArray(ids) ? ids[0] : null;
    return { type: "AwsEc2Instance", id: typeof first === "string" ? first : null };
  },
  runbook: {
    check: [
      "Whether the principal normally administers these instances, and the command's output in Run Command history (or its S3/CloudWatch output).",
      "How many instances were targeted, and whether the instances then made unusual outbound connections.",
    ],
    contain: [
      "Cancel pending commands (CancelCommand), isolate affected instances and rotate their role credentials.",
      "Limit ssm:SendCommand with AWS-RunShellScript to the operations role.",
    ],
    falsePositives: ["Operations teams and automation running maintenance scripts; add exceptions for their roles."],
  },
  references: [
    "https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_SendCommand.html",
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-command-ssm-plugin-reference.html",
  ],
  fixtures: {
    fire: [send("AWS-RunShellScript"), send("AWS-RunPowerShellScript")],
    quiet: [send("AWS-UpdateSSMAgent"), send("AWS-RunShellScript", "AccessDeniedException")],
  },
};
