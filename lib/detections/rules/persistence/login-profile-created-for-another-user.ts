import { assumedRole, iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call, forAnotherUser } from "../privilege-escalation/shared";

const iam = call("iam");

const createProfile = (userName: string, identity: Record<string, unknown>, errorCode?: string) =>
  iam(
    "CreateLoginProfile",
    { userName, passwordResetRequired: false },
    {
      userIdentity: identity,
      errorCode,
      responseElements: errorCode
        ? null
        : { loginProfile: { userName, createDate: "Nov 20, 2026 10:05:00 AM", passwordResetRequired: false } },
    },
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "login-profile-created-for-another-user",
  version: 1,
  title: "Console password created for another user",
  severity: 3,
  description:
    "CreateLoginProfile gave a user other than the caller a console password. A user that had only keys (often a service user) can now sign in to the console with a password the caller chose.",
  tactic: "persistence",
  techniques: ["T1098.001", "T1078.004"],
  events: ["CreateLoginProfile"],
  match: (e) => e.ok && forAnotherUser(e),
  resource: (e) => ({ type: "AwsIamUser", id: e.param("userName") || null }),
  runbook: {
    check: [
      "Whether the user is a person or a service user (a service user has no reason for a console password).",
      "ConsoleLogin events for the user since, and whether passwordResetRequired was set.",
    ],
    contain: ["Delete the login profile (DeleteLoginProfile) and review the user's console sessions."],
    falsePositives: [
      "Onboarding new staff; the identity team should require a reset at first sign-in. Add an exception for their role.",
    ],
  },
  references: ["https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html"],
  fixtures: {
    fire: [createProfile("svc-reporting", iamUser("mallory")), createProfile("nina", assumedRole("ops", "bob"))],
    quiet: [createProfile("nina", iamUser("nina")), createProfile("svc-reporting", iamUser("mallory"), "AccessDenied")],
  },
};
