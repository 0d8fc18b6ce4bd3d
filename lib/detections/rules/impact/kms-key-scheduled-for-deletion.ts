import { FIXTURE, trailRecord } from "../../fixtures";
import type { TrailRule } from "../../rule";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

const keyCall = (eventName: string, params: Record<string, unknown>, errorCode?: string) =>
  trailRecord({
    eventSource: "kms.amazonaws.com",
    eventName,
    requestParameters: { keyId: KEY, ...params },
    responseElements: errorCode
      ? null
      : eventName === "ScheduleKeyDeletion"
        ? { keyId: KEY, deletionDate: "Nov 27, 2026, 10:05:00 AM", keyState: "PendingDeletion", pendingWindowInDays: 7 }
        : { keyId: KEY },
    resources: [{ accountId: FIXTURE.account, type: "AWS::KMS::Key", ARN: KEY }],
    ...(errorCode ? { errorCode } : {}),
  });

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "kms-key-scheduled-for-deletion",
  version: 1,
  title: "KMS key scheduled for deletion",
  severity: 4,
  description:
    "A KMS key was scheduled for deletion. When the waiting period ends the key is gone for good, and everything encrypted with it (volumes, snapshots, objects, secrets) can no longer be decrypted.",
  tactic: "impact",
  techniques: ["T1485"],
  events: ["ScheduleKeyDeletion"],
  match: (e) => e.ok && e.source === "kms.amazonaws.com",
  resource: (e) => ({ type: "AwsKmsKey", id: e.param("keyId") || null }),
  runbook: {
    check: [
      "What the key encrypts (its alias, tags and recent Decrypt/GenerateDataKey callers in CloudTrail) and the deletion date in the response.",
      "Whether the same principal also disabled keys, changed key policies or deleted backups: together they point to ransom or sabotage.",
    ],
    contain: [
      "Cancel the deletion (CancelKeyDeletion) and enable the key again; this is possible until the deletion date.",
      "Deny kms:ScheduleKeyDeletion outside the platform role with a service control policy.",
    ],
    falsePositives: [
      "Clean-up of keys whose data is already gone, usually by infrastructure code; add an exception for the deploying role.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html",
    "https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html",
  ],
  fixtures: {
    fire: [keyCall("ScheduleKeyDeletion", { pendingWindowInDays: 7 })],
    quiet: [
      keyCall("CancelKeyDeletion", {}),
      keyCall("ScheduleKeyDeletion", { pendingWindowInDays: 7 }, "AccessDeniedException"),
    ],
  },
};
