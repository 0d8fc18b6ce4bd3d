import { rootUser, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { ROOT_EVENTS_WITH_OWN_RULE } from "./shared";

const rootCall = (eventSource: string, eventName: string, extra: Record<string, unknown> = {}) =>
  trailRecord({
    eventSource,
    eventName,
    userIdentity: { ...rootUser(), accessKeyId: "ASIAROOTSESSION00001", ...extra },
    requestParameters: null,
    readOnly: true,
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "root-account-use",
  version: 1,
  title: "Root account used",
  severity: 4,
  description:
    "The account's root user made an API call. Root cannot be limited by IAM policies; day-to-day work belongs to IAM roles.",
  tactic: "initial-access",
  techniques: ["T1078.004"],
  events: ["*"],
  match: (e) =>
    e.userType === "Root" &&
    !e.row.invoked_by &&
    e.row.event_type !== "AwsServiceEvent" &&
    !ROOT_EVENTS_WITH_OWN_RULE.has(e.name),
  dedup: { key: (e) => e.actor, windowMinutes: 60 },
  runbook: {
    check: [
      "Which calls root made, from which address and user agent, and whether someone in the team owns the root credentials and planned this.",
      "Whether the session started with a console sign-in using MFA, or with a root access key.",
    ],
    contain: [
      "Reset the root password, replace the root MFA device and delete any root access keys.",
      "Undo what the session changed, then review who can reach the root mailbox.",
    ],
    falsePositives: [
      "Tasks only root can perform (closing the account, changing the support plan, some billing settings); record them as planned work.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html",
  ],
  fixtures: {
    fire: [rootCall("ec2.amazonaws.com", "DescribeInstances"), rootCall("s3.amazonaws.com", "ListBuckets")],
    quiet: [
      rootCall("ec2.amazonaws.com", "DescribeInstances", { invokedBy: "support.amazonaws.com" }),
      trailRecord({ eventSource: "ec2.amazonaws.com", eventName: "DescribeInstances", readOnly: true }),
    ],
  },
};
