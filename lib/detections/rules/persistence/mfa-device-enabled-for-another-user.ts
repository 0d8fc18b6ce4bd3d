import { assumedRole, iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call, forAnotherUser } from "../privilege-escalation/shared";

const iam = call("iam");

const enable = (userName: string, identity: Record<string, unknown>, errorCode?: string) =>
  iam(
    "EnableMFADevice",
    { userName, serialNumber: `arn:aws:iam::111122223333:mfa/${userName}-device` },
    { userIdentity: identity, errorCode },
  );

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "mfa-device-enabled-for-another-user",
  version: 1,
  title: "MFA device registered for another user",
  severity: 3,
  description:
    "EnableMFADevice bound an MFA device to a user other than the caller. Whoever holds the device passes that user's MFA prompts: with the password, the account is theirs, and the real owner may be locked out.",
  tactic: "persistence",
  techniques: ["T1098.005", "T1556.006"],
  events: ["EnableMFADevice"],
  match: (e) => e.ok && forAnotherUser(e),
  resource: (e) => ({ type: "AwsIamUser", id: e.param("userName") || null }),
  runbook: {
    check: [
      "Whether the user knows about the device, and whether their old device was removed just before (DeactivateMFADevice).",
      "Sign-ins of the user after the change: from where, and whether the user or someone else made them.",
    ],
    contain: [
      "Deactivate the device, reset the user's password and revoke its sessions; let the user register their own device.",
    ],
    falsePositives: [
      "Administrators setting up hardware tokens for staff; add an exception for the identity team's role.",
    ],
  },
  references: ["https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html"],
  fixtures: {
    fire: [enable("sam", iamUser("mallory")), enable("sam", assumedRole("ops", "bob"))],
    quiet: [enable("sam", iamUser("sam")), enable("sam", iamUser("mallory"), "AccessDenied")],
  },
};
