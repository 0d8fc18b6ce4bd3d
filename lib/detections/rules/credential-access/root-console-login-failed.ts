import { iamUser, rootUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { BROWSER_UA, consoleLogin } from "../initial-access/shared";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "root-console-login-failed",
  version: 1,
  title: "Failed root console sign-in",
  severity: 3,
  description:
    "A console sign-in as the account's root user failed: someone knows the root e-mail address and is trying passwords or an MFA code.",
  tactic: "credential-access",
  techniques: ["T1110", "T1078.004"],
  events: ["ConsoleLogin"],
  match: (e) => e.userType === "Root" && e.resp?.ConsoleLogin === "Failure",
  dedup: { key: (e) => `${e.actor}|${e.sourceIp ?? ""}`, windowMinutes: 60 },
  runbook: {
    check: [
      "Whether the owner of the root credentials mistyped a password at that time, and where the source address is.",
      "How many attempts there were (the finding's count) and whether a successful root sign-in followed.",
    ],
    contain: [
      "Make sure root has a strong unique password and hardware MFA; reset the password if it may be known.",
      "Protect the root mailbox, since password recovery goes through it.",
    ],
    falsePositives: ["The root credential owner mistyping; a single attempt from a known address can be closed."],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html",
  ],
  fixtures: {
    fire: [consoleLogin({ userIdentity: rootUser(), failed: true, mfaUsed: "No", userAgent: BROWSER_UA })],
    quiet: [consoleLogin({ userIdentity: iamUser("gina"), failed: true, mfaUsed: "No" })],
  },
};
