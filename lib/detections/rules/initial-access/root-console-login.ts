import { iamUser, rootUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { consoleLogin, consoleLoginSucceeded } from "./shared";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "root-console-login",
  version: 1,
  title: "Root user signed in to the console",
  severity: 4,
  description:
    "Someone signed in to the AWS Management Console as the account's root user, which holds every permission and cannot be restricted by IAM.",
  tactic: "initial-access",
  techniques: ["T1078.004"],
  events: ["ConsoleLogin"],
  match: (e) => e.userType === "Root" && consoleLoginSucceeded(e),
  runbook: {
    check: [
      "Whether the owner of the root credentials planned a root-only task, and whether MFA was used (additionalEventData.MFAUsed).",
      "The source address and user agent, and what root did in the session that followed.",
    ],
    contain: [
      "If unplanned: reset the root password, replace the MFA device and delete any root access keys.",
      "Check the root mailbox and recovery phone for takeover, and review every change made in the session.",
    ],
    falsePositives: [
      "Root-only tasks such as billing or account settings; sign-ins by the named owner from a known address can be noted and closed.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html",
  ],
  fixtures: {
    fire: [consoleLogin({ userIdentity: rootUser() })],
    // A failed root sign-in is the root-console-login-failed rule's; an IAM user's is nobody's.
    quiet: [consoleLogin({ userIdentity: iamUser("carol") })],
  },
};
