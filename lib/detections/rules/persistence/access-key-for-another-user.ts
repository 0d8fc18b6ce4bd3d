import { assumedRole, iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { call, forAnotherUser } from "../privilege-escalation/shared";

const iam = call("iam");

const createKey = (userName: string | null, identity: Record<string, unknown>, errorCode?: string) =>
  iam("CreateAccessKey", userName ? { userName } : null, {
    userIdentity: identity,
    errorCode,
    responseElements: errorCode
      ? null
      : {
          accessKey: {
            userName: userName ?? String(identity.userName),
            accessKeyId: "AKIAIOSFODNN7EXAMPLE",
            status: "Active",
            createDate: "Nov 20, 2026 10:05:00 AM",
          },
        },
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "access-key-for-another-user",
  version: 1,
  title: "Access key created for another user",
  severity: 3,
  description:
    "CreateAccessKey named a user other than the caller: the caller now holds long-lived keys that act as that user, a common way to keep access after the first foothold is gone.",
  tactic: "persistence",
  techniques: ["T1098.001"],
  events: ["CreateAccessKey"],
  match: (e) => e.ok && forAnotherUser(e),
  resource: (e) => ({ type: "AwsIamUser", id: e.param("userName") || null }),
  runbook: {
    check: [
      "Whether the user's owner asked for the key, and whether the user already had keys (a second key is unusual).",
      "Where the new key was used from since (Activity, filtered on the access key id in the response).",
    ],
    contain: [
      "Deactivate and delete the key (UpdateAccessKey, DeleteAccessKey) and review the caller's other actions.",
    ],
    falsePositives: [
      "Administrators issuing keys for service users; prefer roles, or add an exception for the administering role.",
    ],
  },
  references: ["https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html"],
  fixtures: {
    fire: [createKey("svc-backup", iamUser("mallory")), createKey("alice", assumedRole("ops", "bob"))],
    quiet: [
      createKey("mallory", iamUser("mallory")),
      createKey(null, iamUser("mallory")),
      createKey("svc-backup", iamUser("mallory"), "AccessDenied"),
    ],
  },
};
