import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const call = (eventName: string, requestParameters: Record<string, unknown> | null, errorCode?: string) =>
  trailRecord({
    eventSource: "iam.amazonaws.com",
    eventName,
    requestParameters,
    readOnly: true,
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "iam-authorization-details-listed",
  version: 1,
  title: "Whole IAM configuration downloaded",
  severity: 2,
  description:
    "GetAccountAuthorizationDetails returned every user, group, role and policy of the account in one call: a full map of who can do what, and which identities are worth taking over.",
  tactic: "discovery",
  techniques: ["T1087.004", "T1069.003"],
  events: ["GetAccountAuthorizationDetails"],
  match: (e) => e.ok,
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  runbook: {
    check: [
      "Whether the principal is a known security or inventory tool, and whether the source address is where that tool runs.",
      "What the principal did after the download, especially IAM changes or role assumptions.",
    ],
    contain: ["If unexpected: deactivate the principal's credentials and review its recent IAM and STS activity."],
    falsePositives: [
      "Security posture scanners and IAM access reviews call this regularly; add an exception for their roles.",
    ],
  },
  references: ["https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html"],
  fixtures: {
    fire: [call("GetAccountAuthorizationDetails", { filter: ["User", "Role", "Group", "LocalManagedPolicy"] })],
    quiet: [call("GetAccountAuthorizationDetails", null, "AccessDenied"), call("GetAccountSummary", null)],
  },
};
