import { assumedRole, iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { consoleLogin, consoleLoginSucceeded } from "./shared";

/** Identities whose MFA AWS itself checks at sign-in; federated sessions do MFA at their identity provider. */
const AWS_CHECKS_MFA = new Set(["IAMUser", "Root"]);

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "console-login-without-mfa",
  version: 1,
  title: "Console sign-in without MFA",
  severity: 3,
  description:
    'An IAM user or the root user signed in to the console with a password alone (additionalEventData.MFAUsed is "No"): one stolen password is enough to get in.',
  tactic: "initial-access",
  techniques: ["T1078.004"],
  events: ["ConsoleLogin"],
  match: (e) => AWS_CHECKS_MFA.has(e.userType ?? "") && consoleLoginSucceeded(e) && e.extra?.MFAUsed === "No",
  runbook: {
    check: [
      "Whether the user normally signs in from this address and browser, and whether an MFA device is registered for them (ListMFADevices).",
      "What the session did after sign-in, especially IAM changes.",
    ],
    contain: [
      "If the sign-in is not the user's: reset the console password, deactivate their access keys and review the session's changes.",
      "Require MFA for console users (an IAM policy denying actions when aws:MultiFactorAuthPresent is false).",
    ],
    falsePositives: [
      "Users not yet enrolled in MFA; enroll them rather than adding an exception. Federated sign-ins are not matched, their MFA happens at the identity provider.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html",
  ],
  fixtures: {
    fire: [consoleLogin({ userIdentity: iamUser("dave"), mfaUsed: "No" })],
    quiet: [
      consoleLogin({ userIdentity: iamUser("dave"), mfaUsed: "Yes" }),
      consoleLogin({ userIdentity: iamUser("dave"), mfaUsed: "No", failed: true }),
      consoleLogin({ userIdentity: assumedRole("AWSReservedSSO_Admin_0a1b2c3d4e5f6a7b", "dave"), mfaUsed: "No" }),
    ],
  },
};
