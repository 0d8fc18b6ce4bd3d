import { trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const call = (eventName: string, errorCode?: string) =>
  trailRecord({
    eventSource: "iam.amazonaws.com",
    eventName,
    requestParameters: null,
    readOnly: eventName.startsWith("Get"),
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "password-policy-deleted",
  version: 1,
  title: "Account password policy deleted",
  severity: 3,
  description:
    "DeleteAccountPasswordPolicy removed the account's password rules: IAM user passwords fall back to AWS's minimal defaults and never expire.",
  tactic: "credential-access",
  techniques: ["T1556", "T1110"],
  events: ["DeleteAccountPasswordPolicy"],
  match: (e) => e.ok,
  runbook: {
    check: ["Who deleted it and whether a change to the account's identity setup was planned."],
    contain: ["Recreate the standard password policy (UpdateAccountPasswordPolicy from infrastructure code)."],
    falsePositives: [
      "Accounts moving every user to federated sign-in; there the policy no longer matters, so add an exception for the account.",
    ],
  },
  references: ["https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountPasswordPolicy.html"],
  fixtures: {
    fire: [call("DeleteAccountPasswordPolicy")],
    quiet: [call("DeleteAccountPasswordPolicy", "NoSuchEntity"), call("GetAccountPasswordPolicy")],
  },
};
