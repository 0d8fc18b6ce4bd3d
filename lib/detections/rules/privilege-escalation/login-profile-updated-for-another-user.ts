import { assumedRole, iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call, forAnotherUser } from "./shared";

const iam = call("iam");

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "login-profile-updated-for-another-user",
  version: 1,
  title: "Console password of another IAM user reset",
  severity: 4,
  description:
    "UpdateLoginProfile set a new console password for a user other than the caller: whoever chose it can now sign in as that user, with all of its permissions.",
  tactic: "privilege-escalation",
  techniques: ["T1098", "T1078.004"],
  events: ["UpdateLoginProfile"],
  match: (e) => e.ok && forAnotherUser(e),
  resource: (e) => ({ type: "AwsIamUser", id: e.param("userName") || null }),
  runbook: {
    check: [
      "Whether the user asked for a reset (helpdesk ticket) and whether the caller normally administers users.",
      "ConsoleLogin events for the user after the reset: from where, and with MFA or not.",
    ],
    contain: [
      "Reset the password again with passwordResetRequired, or delete the login profile, and revoke the user's sessions.",
      "Check the user's MFA devices and access keys for additions by the same caller.",
    ],
    falsePositives: [
      "Helpdesk resets; they should set passwordResetRequired so the user picks the final password. Add an exception for the helpdesk role.",
    ],
  },
  references: ["https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateLoginProfile.html"],
  fixtures: {
    fire: [
      iam("UpdateLoginProfile", { userName: "finance-lead", passwordResetRequired: false }),
      iam(
        "UpdateLoginProfile",
        { userName: "alice", passwordResetRequired: true },
        { userIdentity: assumedRole("helpdesk", "gina") },
      ),
    ],
    quiet: [
      iam("UpdateLoginProfile", { userName: "mallory" }, { userIdentity: iamUser("mallory") }),
      iam(
        "UpdateLoginProfile",
        { userName: "finance-lead", passwordResetRequired: false },
        { errorCode: "AccessDenied" },
      ),
    ],
  },
};
