import { assumedRole, iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call } from "../privilege-escalation/shared";

const iam = call("iam");
const SERIAL = "arn:aws:iam::111122223333:mfa/quinn-phone";

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "mfa-device-removed",
  version: 1,
  title: "MFA device deactivated or deleted",
  severity: 3,
  description:
    "DeactivateMFADevice or DeleteVirtualMFADevice took a second factor away from an IAM user. With a stolen or reset password the account then opens without MFA, and the attacker can register a device of their own.",
  tactic: "persistence",
  techniques: ["T1556.006"],
  events: ["DeactivateMFADevice", "DeleteVirtualMFADevice"],
  match: (e) => e.ok,
  resource: (e) =>
    e.param("userName")
      ? { type: "AwsIamUser", id: e.param("userName") }
      : { type: "AwsIamMfaDevice", id: e.param("serialNumber") || null },
  runbook: {
    check: [
      "Whose device it was, whether the user asked for it (lost phone), and whether a new device was enabled right after by someone else.",
      "Sign-ins of the user without MFA since the removal.",
    ],
    contain: [
      "Have the user register a new device themselves, reset the password, and revoke sessions started without MFA.",
    ],
    falsePositives: ["Users replacing a phone; the helpdesk should record it. Add an exception for the helpdesk role."],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeactivateMFADevice.html",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteVirtualMFADevice.html",
  ],
  fixtures: {
    fire: [
      iam(
        "DeactivateMFADevice",
        { userName: "quinn", serialNumber: SERIAL },
        { userIdentity: assumedRole("ops", "rita") },
      ),
      iam("DeleteVirtualMFADevice", { serialNumber: SERIAL }, { userIdentity: iamUser("quinn") }),
    ],
    quiet: [
      iam("DeactivateMFADevice", { userName: "quinn", serialNumber: SERIAL }, { errorCode: "AccessDenied" }),
      iam("ListMFADevices", { userName: "quinn" }, { readOnly: true }),
    ],
  },
};
