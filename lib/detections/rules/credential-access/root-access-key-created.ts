import { iamUser, rootUser, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const createKey = (userIdentity: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "iam.amazonaws.com",
    eventName: "CreateAccessKey",
    userIdentity,
    requestParameters: null,
    responseElements: errorCode
      ? null
      : {
          accessKey: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", status: "Active", createDate: "Nov 20, 2026 10:05:00 AM" },
        },
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "root-access-key-created",
  version: 1,
  title: "Access key created for the root user",
  severity: 5,
  description:
    "The root user created an access key for itself: long-term credentials with every permission in the account, usable from anywhere without MFA.",
  tactic: "credential-access",
  techniques: ["T1098.001", "T1078.004"],
  events: ["CreateAccessKey"],
  match: (e) => e.ok && e.userType === "Root",
  resource: (e) => {
    const key = e.resp?.accessKey;
    const id = key && typeof key === "object" ? (key as Record<string, unknown>).accessKeyId : null;
    return { type: "AwsIamAccessKey", id: typeof id === "string" ? id : null };
  },
  runbook: {
    check: [
      "Who holds the root credentials and whether anyone asked for a root key (almost nothing needs one).",
      "The source address of the root session, and any use of the new key (AKIA id) since.",
    ],
    contain: [
      "Delete the root access key, reset the root password and replace the root MFA device.",
      "Review everything the root session and the key did.",
    ],
    falsePositives: ["Very old automation that still expects a root key; move it to an IAM role and delete the key."],
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_add-key.html",
  ],
  fixtures: {
    fire: [createKey({ ...rootUser(), accessKeyId: "ASIAROOTSESSION00001" })],
    quiet: [
      createKey(iamUser("frank")),
      createKey({ ...rootUser(), accessKeyId: "ASIAROOTSESSION00001" }, "LimitExceeded"),
    ],
  },
};
